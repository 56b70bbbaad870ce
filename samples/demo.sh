#!/usr/bin/env bash
# The main job: builds the samples, runs xenpte over the Xen layouts, exports their ABI with ptegen, and shows PteGen's
# generated code and guest warnings. Needs only the .NET SDK. Run from anywhere: bash samples/demo.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "Build the Xen layouts (samples/XenPv) and the xenpte tool"
dotnet build samples/XenPv.Tool -v:q -nologo
xenpte() { dotnet samples/XenPv.Tool/bin/Debug/net10.0/xenpte.dll "$@"; }

step "xenpte decode 0x8010000012345067 --config Debug"
xenpte decode 0x8010000012345067 --config Debug

step "xenpte adjust --config Debug   (kernel, user, not present, kernel with Global)"
printf '0x8000000012345063\n0x8000000012345067\n0x0000000012345062\n0x0010000012345101\n' | xenpte adjust --config Debug

step "xenpte layout   (every configuration side by side)"
xenpte layout

step "xenpte negotiate 0x4010000000000000 --config Debug"
xenpte negotiate 0x4010000000000000 --config Debug

step "Build ptegen, the ABI export tool (src/PteGen.Tool)"
dotnet build src/PteGen.Tool -v:q -nologo
ptegen() { dotnet src/PteGen.Tool/bin/Debug/net10.0/PteGen.Tool.dll "$@"; }
xenpv=samples/XenPv/bin/Debug/net10.0/XenPv.dll

step "ptegen export XenPv.dll --format c   (the C header's first lines: the L1e bit map)"
ptegen export "$xenpv" --format c | sed -n '1,30p'

step "ptegen export XenPv.dll --format baseline   (what PteAbi.Shipped.txt holds; the L1e lines of bits 52-63)"
ptegen export "$xenpv" --format baseline | grep -E '^#|^XenPv\.L1e .*: \[(5[2-9]|6[0-3])'

step "ptegen export XenPv.dll --format md/svg   (docs/xen-pv-abi.md §7 and docs/images are written this way)"
out="$(mktemp -d)"
ptegen export "$xenpv" --format md --out "$out/"
rm -rf "$out"

step "ptegen diff XenPv.dll XenPv.dll   (exit 1 on an ABI break, for CI)"
ptegen diff "$xenpv" "$xenpv"

step "Generated code (written at build time)"
ls samples/XenPv/obj/generated/PteGen.Generators/PteGen.Generators.PteGenerator/
sed -n '/Guest-entry fixup/,/return new L1e(raw);/p' \
  samples/XenPv/obj/generated/PteGen.Generators/PteGen.Generators.PteGenerator/XenPv.L1e.g.cs | grep -v 'GeneratedCode(' | tail -n 28

step "The guest sample builds clean"
dotnet build samples/XenPv.Guest -nologo -v:q

violations() {
  dotnet build samples/XenPv.Guest -nologo -v:q --no-incremental -p:ShowPteViolations=true "$@" 2>&1 \
    | grep -E 'PTE[0-9]{3}' | sed -E 's#^[^(]*/samples/#samples/#; s# \(https://[^)]*\)##; s# \[[^]]*\]$##' | sort -u
}

step "The guest sample's deliberate violations, under PteGenConfiguration=Debug"
violations -p:PteGenConfiguration=Debug

step "The same, without PteGenConfiguration (any valid configuration may be active)"
violations

step "Which guests break where: xenpte compat   (real guest kernels' software bits, samples/GuestProfiles)"
xenpte compat

step "xenpte compat --guest netbsd-i386   (the guest the 2005 debug bit collided with)"
xenpte compat --guest netbsd-i386

step "The same collisions as the analyzer reports them, under PteGenConfiguration=Debug"
dotnet build samples/GuestProfiles -nologo -v:q --no-incremental -p:ShowGuestCollisions=true -p:PteGenConfiguration=Debug 2>&1 \
  | grep -E 'PTE102' | sed -E 's#^[^(]*/samples/#samples/#; s# \(https://[^)]*\)##; s# \[[^]]*\]$##' | sort -u
