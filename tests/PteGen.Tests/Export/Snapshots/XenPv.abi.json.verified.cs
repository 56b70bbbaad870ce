{
  "$schema": "https://github.com/ptegen/ptegen/blob/main/docs/abi-json.md",
  "format": "ptegen-abi",
  "version": 1,
  "assembly": "XenPv",
  "layouts": [
    {
      "name": "XenPv.L1e",
      "namespace": "XenPv",
      "simpleName": "L1e",
      "level": 1,
      "summary": "An x86-64 PV leaf (L1) entry, as Xen 4.6 to today treats it: the hardware layout of the Intel SDM, bit 52 kept by Xen as the kernel marker, bit 62 kept by debug builds as the grant marker, bits 59-62 the protection key under PKE.",
      "switchesType": "XenPv.XenConfig",
      "noSwitchesName": "None",
      "switches": [
        {
          "name": "Debug",
          "value": "0x1",
          "summary": "A debug build of Xen: `_PAGE_GNTTAB` is bit 62 (it is 0 under `NDEBUG`, `asm/page.h`), and `gdprintk` warnings are compiled in."
        },
        {
          "name": "Pke",
          "value": "0x2",
          "summary": "CR4.PKE set: bits 59-62 of leaf entries are the protection key (Intel SDM vol. 3, \"Paging\")."
        }
      ],
      "configurations": [
        {
          "name": "None",
          "value": "0x0",
          "hardwareBits": "0x800FFFFFFFFFF1FF",
          "xenReservedBits": "0x0010000000000000",
          "guestAvailableBits": "0x7FE0000000000E00",
          "guestRefusedBits": "0x0000000000000098"
        },
        {
          "name": "Debug",
          "value": "0x1",
          "hardwareBits": "0x800FFFFFFFFFF1FF",
          "xenReservedBits": "0x4010000000000000",
          "guestAvailableBits": "0x3FE0000000000E00",
          "guestRefusedBits": "0x4000000000000098"
        },
        {
          "name": "Pke",
          "value": "0x2",
          "hardwareBits": "0xF80FFFFFFFFFF1FF",
          "xenReservedBits": "0x0010000000000000",
          "guestAvailableBits": "0x07E0000000000E00",
          "guestRefusedBits": "0x0000000000000098"
        }
      ],
      "configurationDependentBits": "0x7800000000000000",
      "fields": [
        {
          "name": "Present",
          "low": 0,
          "high": 0,
          "width": 1,
          "mask": "0x0000000000000001",
          "owner": "Hardware",
          "role": "Present",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "P: the entry maps a page. Xen checks and adjusts present entries only."
        },
        {
          "name": "Writable",
          "low": 1,
          "high": 1,
          "width": 1,
          "mask": "0x0000000000000002",
          "owner": "Hardware",
          "role": "Writable",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "R/W: writes allowed."
        },
        {
          "name": "User",
          "low": 2,
          "high": 2,
          "width": 1,
          "mask": "0x0000000000000004",
          "owner": "Hardware",
          "role": "User",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "U/S: user access. A 64-bit PV kernel runs in ring 3, so Xen sets it on every present entry."
        },
        {
          "name": "WriteThrough",
          "low": 3,
          "high": 3,
          "width": 1,
          "mask": "0x0000000000000008",
          "owner": "Hardware",
          "role": "WriteThrough",
          "when": "",
          "guestWrite": "refused",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "PWT: write-through. Refused for a domain without I/O resources (`l1_disallow_mask`)."
        },
        {
          "name": "CacheDisable",
          "low": 4,
          "high": 4,
          "width": 1,
          "mask": "0x0000000000000010",
          "owner": "Hardware",
          "role": "CacheDisable",
          "when": "",
          "guestWrite": "refused",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "PCD: cache disable. Refused for a domain without I/O resources (`l1_disallow_mask`)."
        },
        {
          "name": "Accessed",
          "low": 5,
          "high": 5,
          "width": 1,
          "mask": "0x0000000000000020",
          "owner": "Hardware",
          "role": "Accessed",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "A: accessed."
        },
        {
          "name": "Dirty",
          "low": 6,
          "high": 6,
          "width": 1,
          "mask": "0x0000000000000040",
          "owner": "Hardware",
          "role": "Dirty",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "D: dirty."
        },
        {
          "name": "Pat",
          "low": 7,
          "high": 7,
          "width": 1,
          "mask": "0x0000000000000080",
          "owner": "Hardware",
          "role": "PatOrPageSize",
          "when": "",
          "guestWrite": "refused",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "PAT: page-attribute-table index. Refused for a domain without I/O resources (`l1_disallow_mask`)."
        },
        {
          "name": "Global",
          "low": 8,
          "high": 8,
          "width": 1,
          "mask": "0x0000000000000100",
          "owner": "Hardware",
          "role": "Global",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "G: global. Allowed in L1 entries only; Xen adds it to user mappings and never clears it."
        },
        {
          "name": "Available",
          "low": 9,
          "high": 11,
          "width": 3,
          "mask": "0x0000000000000E00",
          "owner": "GuestAvailable",
          "role": "None",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "Bits 9-11, `_PAGE_AVAIL`: the software bits every PV guest OS uses (Linux, the BSDs, illumos)."
        },
        {
          "name": "Frame",
          "low": 12,
          "high": 51,
          "width": 40,
          "mask": "0x000FFFFFFFFFF000",
          "owner": "Hardware",
          "role": "Frame",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "The machine frame number (bits above MAXPHYADDR must be 0)."
        },
        {
          "name": "GuestKernel",
          "low": 52,
          "high": 52,
          "width": 1,
          "mask": "0x0010000000000000",
          "owner": "XenReserved",
          "role": "GuestKernel",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "Bit 52, `_PAGE_GUEST_KERNEL`: Xen marks kernel mappings here because it sets User on all of them. The L1 mask lets a guest set it (it lies in the software range 62:52), which makes the mapping a kernel one."
        },
        {
          "name": "AvailableHigh",
          "low": 53,
          "high": 58,
          "width": 6,
          "mask": "0x07E0000000000000",
          "owner": "GuestAvailable",
          "role": "None",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "Bits 53-58: software-available in every configuration (recent Linux uses 57 and 58)."
        },
        {
          "name": "ProtectionKey",
          "low": 59,
          "high": 62,
          "width": 4,
          "mask": "0x7800000000000000",
          "owner": "Hardware",
          "role": "ProtectionKey",
          "when": "Pke",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "Pke"
          ],
          "summary": "Bits 59-62: the protection key, when CR4.PKE is set."
        },
        {
          "name": "SoftwareKeyBits",
          "low": 59,
          "high": 61,
          "width": 3,
          "mask": "0x3800000000000000",
          "owner": "GuestAvailable",
          "role": "None",
          "when": "!Pke",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug"
          ],
          "summary": "Bits 59-61: software-available while protection keys are off."
        },
        {
          "name": "Software62",
          "low": 62,
          "high": 62,
          "width": 1,
          "mask": "0x4000000000000000",
          "owner": "GuestAvailable",
          "role": "None",
          "when": "!Pke && !Debug",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None"
          ],
          "summary": "Bit 62: software-available only in a release build without protection keys."
        },
        {
          "name": "GrantMapping",
          "low": 62,
          "high": 62,
          "width": 1,
          "mask": "0x4000000000000000",
          "owner": "XenReserved",
          "role": "GrantMapping",
          "when": "Debug",
          "guestWrite": "refused",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "Debug"
          ],
          "summary": "Bit 62, `_PAGE_GNTTAB`, in debug builds: Xen marks grant mappings with it and refuses a guest L1 entry that sets it (\"Bad L1 flags\"). It was bit 11 until 2008, when it collided with Linux's `_PAGE_IO` (docs/xen-pv-abi.md §1)."
        },
        {
          "name": "NoExecute",
          "low": 63,
          "high": 63,
          "width": 1,
          "mask": "0x8000000000000000",
          "owner": "Hardware",
          "role": "NoExecute",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "XD/NX: no execute (the guest may set it when the CPU has NX)."
        }
      ]
    },
    {
      "name": "XenPv.L2e",
      "namespace": "XenPv",
      "simpleName": "L2e",
      "level": 2,
      "summary": "An x86-64 PV L2 entry (it points at an L1 table: Xen has no PV superpages since 4.10, so PS must be clear).",
      "switchesType": "XenPv.XenConfig",
      "noSwitchesName": "None",
      "switches": [
        {
          "name": "Debug",
          "value": "0x1",
          "summary": "A debug build of Xen: `_PAGE_GNTTAB` is bit 62 (it is 0 under `NDEBUG`, `asm/page.h`), and `gdprintk` warnings are compiled in."
        },
        {
          "name": "Pke",
          "value": "0x2",
          "summary": "CR4.PKE set: bits 59-62 of leaf entries are the protection key (Intel SDM vol. 3, \"Paging\")."
        }
      ],
      "configurations": [
        {
          "name": "None",
          "value": "0x0",
          "hardwareBits": "0x800FFFFFFFFFF1FF",
          "xenReservedBits": "0x0000000000000000",
          "guestAvailableBits": "0x7FF0000000000E00",
          "guestRefusedBits": "0x0000000000000198"
        },
        {
          "name": "Debug",
          "value": "0x1",
          "hardwareBits": "0x800FFFFFFFFFF1FF",
          "xenReservedBits": "0x0000000000000000",
          "guestAvailableBits": "0x7FF0000000000E00",
          "guestRefusedBits": "0x0000000000000198"
        },
        {
          "name": "Pke",
          "value": "0x2",
          "hardwareBits": "0x800FFFFFFFFFF1FF",
          "xenReservedBits": "0x0000000000000000",
          "guestAvailableBits": "0x7FF0000000000E00",
          "guestRefusedBits": "0x0000000000000198"
        }
      ],
      "configurationDependentBits": "0x0000000000000000",
      "fields": [
        {
          "name": "Present",
          "low": 0,
          "high": 0,
          "width": 1,
          "mask": "0x0000000000000001",
          "owner": "Hardware",
          "role": "Present",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "P: the entry points at an L1 table."
        },
        {
          "name": "Writable",
          "low": 1,
          "high": 1,
          "width": 1,
          "mask": "0x0000000000000002",
          "owner": "Hardware",
          "role": "Writable",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "R/W: writes allowed through this entry."
        },
        {
          "name": "User",
          "low": 2,
          "high": 2,
          "width": 1,
          "mask": "0x0000000000000004",
          "owner": "Hardware",
          "role": "User",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "U/S: user access; Xen sets it on present entries of 64-bit PV domains."
        },
        {
          "name": "WriteThrough",
          "low": 3,
          "high": 3,
          "width": 1,
          "mask": "0x0000000000000008",
          "owner": "Hardware",
          "role": "WriteThrough",
          "when": "",
          "guestWrite": "refused",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "PWT: refused (`base_disallow_mask`)."
        },
        {
          "name": "CacheDisable",
          "low": 4,
          "high": 4,
          "width": 1,
          "mask": "0x0000000000000010",
          "owner": "Hardware",
          "role": "CacheDisable",
          "when": "",
          "guestWrite": "refused",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "PCD: refused (`base_disallow_mask`)."
        },
        {
          "name": "Accessed",
          "low": 5,
          "high": 5,
          "width": 1,
          "mask": "0x0000000000000020",
          "owner": "Hardware",
          "role": "Accessed",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "A: accessed."
        },
        {
          "name": "Ignored6",
          "low": 6,
          "high": 6,
          "width": 1,
          "mask": "0x0000000000000040",
          "owner": "Hardware",
          "role": "None",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "Bit 6: ignored by hardware in a non-leaf entry (D in a leaf)."
        },
        {
          "name": "PageSize",
          "low": 7,
          "high": 7,
          "width": 1,
          "mask": "0x0000000000000080",
          "owner": "Hardware",
          "role": "PatOrPageSize",
          "when": "",
          "guestWrite": "refused",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "PS: a 2 MiB page. Refused: PV superpages were removed in Xen 4.10 (docs/xen-pv-abi.md §1)."
        },
        {
          "name": "Global",
          "low": 8,
          "high": 8,
          "width": 1,
          "mask": "0x0000000000000100",
          "owner": "Hardware",
          "role": "None",
          "when": "",
          "guestWrite": "refused",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "G: ignored in a non-leaf entry; refused (only the L1 mask allows it)."
        },
        {
          "name": "Available",
          "low": 9,
          "high": 11,
          "width": 3,
          "mask": "0x0000000000000E00",
          "owner": "GuestAvailable",
          "role": "None",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "Bits 9-11: software-available."
        },
        {
          "name": "Frame",
          "low": 12,
          "high": 51,
          "width": 40,
          "mask": "0x000FFFFFFFFFF000",
          "owner": "Hardware",
          "role": "Frame",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "The machine frame of the L1 table."
        },
        {
          "name": "AvailableHigh",
          "low": 52,
          "high": 62,
          "width": 11,
          "mask": "0x7FF0000000000000",
          "owner": "GuestAvailable",
          "role": "None",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "Bits 52-62: software-available (`_PAGE_AVAIL_HIGH`)."
        },
        {
          "name": "NoExecute",
          "low": 63,
          "high": 63,
          "width": 1,
          "mask": "0x8000000000000000",
          "owner": "Hardware",
          "role": "NoExecute",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "XD/NX: no execute for everything below this entry."
        }
      ]
    },
    {
      "name": "XenPv.L3e",
      "namespace": "XenPv",
      "simpleName": "L3e",
      "level": 3,
      "summary": "An x86-64 PV L3 entry (it points at an L2 table).",
      "switchesType": "XenPv.XenConfig",
      "noSwitchesName": "None",
      "switches": [
        {
          "name": "Debug",
          "value": "0x1",
          "summary": "A debug build of Xen: `_PAGE_GNTTAB` is bit 62 (it is 0 under `NDEBUG`, `asm/page.h`), and `gdprintk` warnings are compiled in."
        },
        {
          "name": "Pke",
          "value": "0x2",
          "summary": "CR4.PKE set: bits 59-62 of leaf entries are the protection key (Intel SDM vol. 3, \"Paging\")."
        }
      ],
      "configurations": [
        {
          "name": "None",
          "value": "0x0",
          "hardwareBits": "0x800FFFFFFFFFF1FF",
          "xenReservedBits": "0x0000000000000000",
          "guestAvailableBits": "0x7FF0000000000E00",
          "guestRefusedBits": "0x0000000000000198"
        },
        {
          "name": "Debug",
          "value": "0x1",
          "hardwareBits": "0x800FFFFFFFFFF1FF",
          "xenReservedBits": "0x0000000000000000",
          "guestAvailableBits": "0x7FF0000000000E00",
          "guestRefusedBits": "0x0000000000000198"
        },
        {
          "name": "Pke",
          "value": "0x2",
          "hardwareBits": "0x800FFFFFFFFFF1FF",
          "xenReservedBits": "0x0000000000000000",
          "guestAvailableBits": "0x7FF0000000000E00",
          "guestRefusedBits": "0x0000000000000198"
        }
      ],
      "configurationDependentBits": "0x0000000000000000",
      "fields": [
        {
          "name": "Present",
          "low": 0,
          "high": 0,
          "width": 1,
          "mask": "0x0000000000000001",
          "owner": "Hardware",
          "role": "Present",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "P: the entry points at an L2 table."
        },
        {
          "name": "Writable",
          "low": 1,
          "high": 1,
          "width": 1,
          "mask": "0x0000000000000002",
          "owner": "Hardware",
          "role": "Writable",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "R/W: writes allowed through this entry; Xen sets it for 32-bit PV domains."
        },
        {
          "name": "User",
          "low": 2,
          "high": 2,
          "width": 1,
          "mask": "0x0000000000000004",
          "owner": "Hardware",
          "role": "User",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "U/S: user access; Xen sets it on every present entry."
        },
        {
          "name": "WriteThrough",
          "low": 3,
          "high": 3,
          "width": 1,
          "mask": "0x0000000000000008",
          "owner": "Hardware",
          "role": "WriteThrough",
          "when": "",
          "guestWrite": "refused",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "PWT: refused (`base_disallow_mask`)."
        },
        {
          "name": "CacheDisable",
          "low": 4,
          "high": 4,
          "width": 1,
          "mask": "0x0000000000000010",
          "owner": "Hardware",
          "role": "CacheDisable",
          "when": "",
          "guestWrite": "refused",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "PCD: refused (`base_disallow_mask`)."
        },
        {
          "name": "Accessed",
          "low": 5,
          "high": 5,
          "width": 1,
          "mask": "0x0000000000000020",
          "owner": "Hardware",
          "role": "Accessed",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "A: accessed."
        },
        {
          "name": "Ignored6",
          "low": 6,
          "high": 6,
          "width": 1,
          "mask": "0x0000000000000040",
          "owner": "Hardware",
          "role": "None",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "Bit 6: ignored by hardware in a non-leaf entry."
        },
        {
          "name": "PageSize",
          "low": 7,
          "high": 7,
          "width": 1,
          "mask": "0x0000000000000080",
          "owner": "Hardware",
          "role": "PatOrPageSize",
          "when": "",
          "guestWrite": "refused",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "PS: a 1 GiB page. Refused: Xen has no PV superpages."
        },
        {
          "name": "Global",
          "low": 8,
          "high": 8,
          "width": 1,
          "mask": "0x0000000000000100",
          "owner": "Hardware",
          "role": "None",
          "when": "",
          "guestWrite": "refused",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "G: ignored in a non-leaf entry; refused."
        },
        {
          "name": "Available",
          "low": 9,
          "high": 11,
          "width": 3,
          "mask": "0x0000000000000E00",
          "owner": "GuestAvailable",
          "role": "None",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "Bits 9-11: software-available."
        },
        {
          "name": "Frame",
          "low": 12,
          "high": 51,
          "width": 40,
          "mask": "0x000FFFFFFFFFF000",
          "owner": "Hardware",
          "role": "Frame",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "The machine frame of the L2 table."
        },
        {
          "name": "AvailableHigh",
          "low": 52,
          "high": 62,
          "width": 11,
          "mask": "0x7FF0000000000000",
          "owner": "GuestAvailable",
          "role": "None",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "Bits 52-62: software-available for 64-bit PV domains."
        },
        {
          "name": "NoExecute",
          "low": 63,
          "high": 63,
          "width": 1,
          "mask": "0x8000000000000000",
          "owner": "Hardware",
          "role": "NoExecute",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "XD/NX: no execute."
        }
      ]
    },
    {
      "name": "XenPv.L4e",
      "namespace": "XenPv",
      "simpleName": "L4e",
      "level": 4,
      "summary": "An x86-64 PV L4 entry (it points at an L3 table).",
      "switchesType": "XenPv.XenConfig",
      "noSwitchesName": "None",
      "switches": [
        {
          "name": "Debug",
          "value": "0x1",
          "summary": "A debug build of Xen: `_PAGE_GNTTAB` is bit 62 (it is 0 under `NDEBUG`, `asm/page.h`), and `gdprintk` warnings are compiled in."
        },
        {
          "name": "Pke",
          "value": "0x2",
          "summary": "CR4.PKE set: bits 59-62 of leaf entries are the protection key (Intel SDM vol. 3, \"Paging\")."
        }
      ],
      "configurations": [
        {
          "name": "None",
          "value": "0x0",
          "hardwareBits": "0x800FFFFFFFFFF1FF",
          "xenReservedBits": "0x0000000000000000",
          "guestAvailableBits": "0x7FF0000000000E00",
          "guestRefusedBits": "0x0000000000000198"
        },
        {
          "name": "Debug",
          "value": "0x1",
          "hardwareBits": "0x800FFFFFFFFFF1FF",
          "xenReservedBits": "0x0000000000000000",
          "guestAvailableBits": "0x7FF0000000000E00",
          "guestRefusedBits": "0x0000000000000198"
        },
        {
          "name": "Pke",
          "value": "0x2",
          "hardwareBits": "0x800FFFFFFFFFF1FF",
          "xenReservedBits": "0x0000000000000000",
          "guestAvailableBits": "0x7FF0000000000E00",
          "guestRefusedBits": "0x0000000000000198"
        }
      ],
      "configurationDependentBits": "0x0000000000000000",
      "fields": [
        {
          "name": "Present",
          "low": 0,
          "high": 0,
          "width": 1,
          "mask": "0x0000000000000001",
          "owner": "Hardware",
          "role": "Present",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "P: the entry points at an L3 table."
        },
        {
          "name": "Writable",
          "low": 1,
          "high": 1,
          "width": 1,
          "mask": "0x0000000000000002",
          "owner": "Hardware",
          "role": "Writable",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "R/W: writes allowed through this entry."
        },
        {
          "name": "User",
          "low": 2,
          "high": 2,
          "width": 1,
          "mask": "0x0000000000000004",
          "owner": "Hardware",
          "role": "User",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "U/S: user access; Xen sets it on present entries of 64-bit PV domains."
        },
        {
          "name": "WriteThrough",
          "low": 3,
          "high": 3,
          "width": 1,
          "mask": "0x0000000000000008",
          "owner": "Hardware",
          "role": "WriteThrough",
          "when": "",
          "guestWrite": "refused",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "PWT: refused (`base_disallow_mask`)."
        },
        {
          "name": "CacheDisable",
          "low": 4,
          "high": 4,
          "width": 1,
          "mask": "0x0000000000000010",
          "owner": "Hardware",
          "role": "CacheDisable",
          "when": "",
          "guestWrite": "refused",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "PCD: refused (`base_disallow_mask`)."
        },
        {
          "name": "Accessed",
          "low": 5,
          "high": 5,
          "width": 1,
          "mask": "0x0000000000000020",
          "owner": "Hardware",
          "role": "Accessed",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "A: accessed; Xen sets it on every present entry."
        },
        {
          "name": "Ignored6",
          "low": 6,
          "high": 6,
          "width": 1,
          "mask": "0x0000000000000040",
          "owner": "Hardware",
          "role": "None",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "Bit 6: ignored by hardware in a non-leaf entry."
        },
        {
          "name": "Reserved7",
          "low": 7,
          "high": 7,
          "width": 1,
          "mask": "0x0000000000000080",
          "owner": "Hardware",
          "role": "None",
          "when": "",
          "guestWrite": "refused",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "Bit 7: reserved (must be 0) in an L4 entry; refused."
        },
        {
          "name": "Global",
          "low": 8,
          "high": 8,
          "width": 1,
          "mask": "0x0000000000000100",
          "owner": "Hardware",
          "role": "None",
          "when": "",
          "guestWrite": "refused",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "G: ignored in a non-leaf entry; refused."
        },
        {
          "name": "Available",
          "low": 9,
          "high": 11,
          "width": 3,
          "mask": "0x0000000000000E00",
          "owner": "GuestAvailable",
          "role": "None",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "Bits 9-11: software-available."
        },
        {
          "name": "Frame",
          "low": 12,
          "high": 51,
          "width": 40,
          "mask": "0x000FFFFFFFFFF000",
          "owner": "Hardware",
          "role": "Frame",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "The machine frame of the L3 table."
        },
        {
          "name": "AvailableHigh",
          "low": 52,
          "high": 62,
          "width": 11,
          "mask": "0x7FF0000000000000",
          "owner": "GuestAvailable",
          "role": "None",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "Bits 52-62: software-available."
        },
        {
          "name": "NoExecute",
          "low": 63,
          "high": 63,
          "width": 1,
          "mask": "0x8000000000000000",
          "owner": "Hardware",
          "role": "NoExecute",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "XD/NX: no execute."
        }
      ]
    },
    {
      "name": "XenPv.Abis.ExpertDebugL1e",
      "namespace": "XenPv.Abis",
      "simpleName": "ExpertDebugL1e",
      "level": 1,
      "summary": "The closest variant of the \"all software bits are the guest's\" ABI that PteGen can generate a fixup for.",
      "switchesType": "XenPv.Abis.ExpertConfig",
      "noSwitchesName": "None",
      "switches": [
        {
          "name": "PvPteDebug",
          "value": "0x1",
          "summary": "The expert `CONFIG_PV_PTE_DEBUG` option that was proposed (and never merged)."
        },
        {
          "name": "Pke",
          "value": "0x2",
          "summary": "CR4.PKE: bits 59-62 are the protection key."
        },
        {
          "name": "Debug",
          "value": "0x4",
          "summary": "An ordinary debug build of Xen (`gdprintk` warnings compiled in). Under this proposal it changes no bit: the layout below declares so with `GuestAbiIndependentOf = \"Debug\"`, which PteGen checks (PTE027)."
        }
      ],
      "configurations": [
        {
          "name": "None",
          "value": "0x0",
          "hardwareBits": "0x800FFFFFFFFFF1FF",
          "xenReservedBits": "0x0010000000000000",
          "guestAvailableBits": "0x7FE0000000000E00",
          "guestRefusedBits": "0x0000000000000098"
        },
        {
          "name": "PvPteDebug",
          "value": "0x1",
          "hardwareBits": "0x800FFFFFFFFFF1FF",
          "xenReservedBits": "0x4010000000000000",
          "guestAvailableBits": "0x3FE0000000000E00",
          "guestRefusedBits": "0x4000000000000098"
        },
        {
          "name": "Pke",
          "value": "0x2",
          "hardwareBits": "0xF80FFFFFFFFFF1FF",
          "xenReservedBits": "0x0010000000000000",
          "guestAvailableBits": "0x07E0000000000E00",
          "guestRefusedBits": "0x0000000000000098"
        },
        {
          "name": "Debug",
          "value": "0x4",
          "hardwareBits": "0x800FFFFFFFFFF1FF",
          "xenReservedBits": "0x0010000000000000",
          "guestAvailableBits": "0x7FE0000000000E00",
          "guestRefusedBits": "0x0000000000000098"
        },
        {
          "name": "PvPteDebug|Debug",
          "value": "0x5",
          "hardwareBits": "0x800FFFFFFFFFF1FF",
          "xenReservedBits": "0x4010000000000000",
          "guestAvailableBits": "0x3FE0000000000E00",
          "guestRefusedBits": "0x4000000000000098"
        },
        {
          "name": "Pke|Debug",
          "value": "0x6",
          "hardwareBits": "0xF80FFFFFFFFFF1FF",
          "xenReservedBits": "0x0010000000000000",
          "guestAvailableBits": "0x07E0000000000E00",
          "guestRefusedBits": "0x0000000000000098"
        }
      ],
      "configurationDependentBits": "0x7800000000000000",
      "fields": [
        {
          "name": "Present",
          "low": 0,
          "high": 0,
          "width": 1,
          "mask": "0x0000000000000001",
          "owner": "Hardware",
          "role": "Present",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "PvPteDebug",
            "Pke",
            "Debug",
            "PvPteDebug|Debug",
            "Pke|Debug"
          ],
          "summary": "P: present."
        },
        {
          "name": "Writable",
          "low": 1,
          "high": 1,
          "width": 1,
          "mask": "0x0000000000000002",
          "owner": "Hardware",
          "role": "Writable",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "PvPteDebug",
            "Pke",
            "Debug",
            "PvPteDebug|Debug",
            "Pke|Debug"
          ],
          "summary": "R/W: writable."
        },
        {
          "name": "User",
          "low": 2,
          "high": 2,
          "width": 1,
          "mask": "0x0000000000000004",
          "owner": "Hardware",
          "role": "User",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "PvPteDebug",
            "Pke",
            "Debug",
            "PvPteDebug|Debug",
            "Pke|Debug"
          ],
          "summary": "U/S: user."
        },
        {
          "name": "CacheControl",
          "low": 3,
          "high": 4,
          "width": 2,
          "mask": "0x0000000000000018",
          "owner": "Hardware",
          "role": "None",
          "when": "",
          "guestWrite": "refused",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "PvPteDebug",
            "Pke",
            "Debug",
            "PvPteDebug|Debug",
            "Pke|Debug"
          ],
          "summary": "PWT, PCD, PAT: refused for a domain without I/O resources."
        },
        {
          "name": "Accessed",
          "low": 5,
          "high": 5,
          "width": 1,
          "mask": "0x0000000000000020",
          "owner": "Hardware",
          "role": "Accessed",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "PvPteDebug",
            "Pke",
            "Debug",
            "PvPteDebug|Debug",
            "Pke|Debug"
          ],
          "summary": "A: accessed."
        },
        {
          "name": "Dirty",
          "low": 6,
          "high": 6,
          "width": 1,
          "mask": "0x0000000000000040",
          "owner": "Hardware",
          "role": "Dirty",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "PvPteDebug",
            "Pke",
            "Debug",
            "PvPteDebug|Debug",
            "Pke|Debug"
          ],
          "summary": "D: dirty."
        },
        {
          "name": "Pat",
          "low": 7,
          "high": 7,
          "width": 1,
          "mask": "0x0000000000000080",
          "owner": "Hardware",
          "role": "PatOrPageSize",
          "when": "",
          "guestWrite": "refused",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "PvPteDebug",
            "Pke",
            "Debug",
            "PvPteDebug|Debug",
            "Pke|Debug"
          ],
          "summary": "PAT: refused for a domain without I/O resources."
        },
        {
          "name": "Global",
          "low": 8,
          "high": 8,
          "width": 1,
          "mask": "0x0000000000000100",
          "owner": "Hardware",
          "role": "Global",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "PvPteDebug",
            "Pke",
            "Debug",
            "PvPteDebug|Debug",
            "Pke|Debug"
          ],
          "summary": "G: global."
        },
        {
          "name": "Available",
          "low": 9,
          "high": 11,
          "width": 3,
          "mask": "0x0000000000000E00",
          "owner": "GuestAvailable",
          "role": "None",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "PvPteDebug",
            "Pke",
            "Debug",
            "PvPteDebug|Debug",
            "Pke|Debug"
          ],
          "summary": "Bits 9-11: software-available."
        },
        {
          "name": "Frame",
          "low": 12,
          "high": 51,
          "width": 40,
          "mask": "0x000FFFFFFFFFF000",
          "owner": "Hardware",
          "role": "Frame",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "PvPteDebug",
            "Pke",
            "Debug",
            "PvPteDebug|Debug",
            "Pke|Debug"
          ],
          "summary": "The machine frame number."
        },
        {
          "name": "GuestKernel",
          "low": 52,
          "high": 52,
          "width": 1,
          "mask": "0x0010000000000000",
          "owner": "XenReserved",
          "role": "GuestKernel",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "PvPteDebug",
            "Pke",
            "Debug",
            "PvPteDebug|Debug",
            "Pke|Debug"
          ],
          "summary": "Bit 52: the kernel marker, kept in every configuration (the price of a working fixup)."
        },
        {
          "name": "AvailableHigh",
          "low": 53,
          "high": 58,
          "width": 6,
          "mask": "0x07E0000000000000",
          "owner": "GuestAvailable",
          "role": "None",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "PvPteDebug",
            "Pke",
            "Debug",
            "PvPteDebug|Debug",
            "Pke|Debug"
          ],
          "summary": "Bits 53-58: software-available."
        },
        {
          "name": "ProtectionKey",
          "low": 59,
          "high": 62,
          "width": 4,
          "mask": "0x7800000000000000",
          "owner": "Hardware",
          "role": "ProtectionKey",
          "when": "Pke",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "Pke",
            "Pke|Debug"
          ],
          "summary": "Bits 59-62: the protection key under PKE."
        },
        {
          "name": "SoftwareKeyBits",
          "low": 59,
          "high": 61,
          "width": 3,
          "mask": "0x3800000000000000",
          "owner": "GuestAvailable",
          "role": "None",
          "when": "!Pke",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "PvPteDebug",
            "Debug",
            "PvPteDebug|Debug"
          ],
          "summary": "Bits 59-61: software-available without PKE."
        },
        {
          "name": "Software62",
          "low": 62,
          "high": 62,
          "width": 1,
          "mask": "0x4000000000000000",
          "owner": "GuestAvailable",
          "role": "None",
          "when": "!Pke && !PvPteDebug",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug"
          ],
          "summary": "Bit 62: the guest's in the default configuration, unlike today's debug builds."
        },
        {
          "name": "GrantMapping",
          "low": 62,
          "high": 62,
          "width": 1,
          "mask": "0x4000000000000000",
          "owner": "XenReserved",
          "role": "GrantMapping",
          "when": "PvPteDebug",
          "guestWrite": "refused",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "PvPteDebug",
            "PvPteDebug|Debug"
          ],
          "summary": "Bit 62: the grant marker, only under the expert debug option."
        },
        {
          "name": "NoExecute",
          "low": 63,
          "high": 63,
          "width": 1,
          "mask": "0x8000000000000000",
          "owner": "Hardware",
          "role": "NoExecute",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "PvPteDebug",
            "Pke",
            "Debug",
            "PvPteDebug|Debug",
            "Pke|Debug"
          ],
          "summary": "XD/NX: no execute."
        }
      ]
    },
    {
      "name": "XenPv.Abis.NegotiatedL1e",
      "namespace": "XenPv.Abis",
      "simpleName": "NegotiatedL1e",
      "level": 1,
      "summary": "The per-domain ABI proposed on xen-devel in January 2016 (Jan Beulich): the guest says which software bits it does not use, and Xen picks, per domain, a bit for each of its two purposes. The kernel marker is required (the fixup needs it); the debug grant marker is optional and is switched off when only one bit is left.",
      "switchesType": "XenPv.XenConfig",
      "noSwitchesName": "None",
      "switches": [
        {
          "name": "Debug",
          "value": "0x1",
          "summary": "A debug build of Xen: `_PAGE_GNTTAB` is bit 62 (it is 0 under `NDEBUG`, `asm/page.h`), and `gdprintk` warnings are compiled in."
        },
        {
          "name": "Pke",
          "value": "0x2",
          "summary": "CR4.PKE set: bits 59-62 of leaf entries are the protection key (Intel SDM vol. 3, \"Paging\")."
        }
      ],
      "configurations": [
        {
          "name": "None",
          "value": "0x0",
          "hardwareBits": "0x800FFFFFFFFFF1FF",
          "xenReservedBits": "0x0010000000000000",
          "guestAvailableBits": "0x7FE0000000000E00",
          "guestRefusedBits": "0x0000000000000098"
        },
        {
          "name": "Debug",
          "value": "0x1",
          "hardwareBits": "0x800FFFFFFFFFF1FF",
          "xenReservedBits": "0x4010000000000000",
          "guestAvailableBits": "0x3FE0000000000E00",
          "guestRefusedBits": "0x4000000000000098"
        },
        {
          "name": "Pke",
          "value": "0x2",
          "hardwareBits": "0xF80FFFFFFFFFF1FF",
          "xenReservedBits": "0x0010000000000000",
          "guestAvailableBits": "0x07E0000000000E00",
          "guestRefusedBits": "0x0000000000000098"
        }
      ],
      "configurationDependentBits": "0x7800000000000000",
      "fields": [
        {
          "name": "Present",
          "low": 0,
          "high": 0,
          "width": 1,
          "mask": "0x0000000000000001",
          "owner": "Hardware",
          "role": "Present",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "P: present."
        },
        {
          "name": "Writable",
          "low": 1,
          "high": 1,
          "width": 1,
          "mask": "0x0000000000000002",
          "owner": "Hardware",
          "role": "Writable",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "R/W: writable."
        },
        {
          "name": "User",
          "low": 2,
          "high": 2,
          "width": 1,
          "mask": "0x0000000000000004",
          "owner": "Hardware",
          "role": "User",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "U/S: user."
        },
        {
          "name": "CacheControl",
          "low": 3,
          "high": 4,
          "width": 2,
          "mask": "0x0000000000000018",
          "owner": "Hardware",
          "role": "None",
          "when": "",
          "guestWrite": "refused",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "PWT and PCD: refused for a domain without I/O resources."
        },
        {
          "name": "Accessed",
          "low": 5,
          "high": 5,
          "width": 1,
          "mask": "0x0000000000000020",
          "owner": "Hardware",
          "role": "Accessed",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "A: accessed."
        },
        {
          "name": "Dirty",
          "low": 6,
          "high": 6,
          "width": 1,
          "mask": "0x0000000000000040",
          "owner": "Hardware",
          "role": "Dirty",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "D: dirty."
        },
        {
          "name": "Pat",
          "low": 7,
          "high": 7,
          "width": 1,
          "mask": "0x0000000000000080",
          "owner": "Hardware",
          "role": "PatOrPageSize",
          "when": "",
          "guestWrite": "refused",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "PAT: refused for a domain without I/O resources."
        },
        {
          "name": "Global",
          "low": 8,
          "high": 8,
          "width": 1,
          "mask": "0x0000000000000100",
          "owner": "Hardware",
          "role": "Global",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "G: global."
        },
        {
          "name": "Available",
          "low": 9,
          "high": 11,
          "width": 3,
          "mask": "0x0000000000000E00",
          "owner": "GuestAvailable",
          "role": "None",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "Bits 9-11: software-available."
        },
        {
          "name": "Frame",
          "low": 12,
          "high": 51,
          "width": 40,
          "mask": "0x000FFFFFFFFFF000",
          "owner": "Hardware",
          "role": "Frame",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "The machine frame number."
        },
        {
          "name": "GuestKernel",
          "low": 52,
          "high": 52,
          "width": 1,
          "mask": "0x0010000000000000",
          "owner": "XenReserved",
          "role": "GuestKernel",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": true,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "The kernel marker: required, at bit 52 unless negotiation moves it."
        },
        {
          "name": "AvailableHigh",
          "low": 53,
          "high": 58,
          "width": 6,
          "mask": "0x07E0000000000000",
          "owner": "GuestAvailable",
          "role": "None",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "Bits 53-58: software-available."
        },
        {
          "name": "ProtectionKey",
          "low": 59,
          "high": 62,
          "width": 4,
          "mask": "0x7800000000000000",
          "owner": "Hardware",
          "role": "ProtectionKey",
          "when": "Pke",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "Pke"
          ],
          "summary": "Bits 59-62: the protection key under PKE."
        },
        {
          "name": "SoftwareKeyBits",
          "low": 59,
          "high": 61,
          "width": 3,
          "mask": "0x3800000000000000",
          "owner": "GuestAvailable",
          "role": "None",
          "when": "!Pke",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug"
          ],
          "summary": "Bits 59-61: software-available without PKE."
        },
        {
          "name": "Software62",
          "low": 62,
          "high": 62,
          "width": 1,
          "mask": "0x4000000000000000",
          "owner": "GuestAvailable",
          "role": "None",
          "when": "!Pke && !Debug",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None"
          ],
          "summary": "Bit 62: software-available in a release build without PKE."
        },
        {
          "name": "GrantMapping",
          "low": 62,
          "high": 62,
          "width": 1,
          "mask": "0x4000000000000000",
          "owner": "XenReserved",
          "role": "GrantMapping",
          "when": "Debug",
          "guestWrite": "refused",
          "relocatable": true,
          "optional": true,
          "configurations": [
            "Debug"
          ],
          "summary": "The debug grant marker: optional, at bit 62 unless negotiation moves it or switches it off."
        },
        {
          "name": "NoExecute",
          "low": 63,
          "high": 63,
          "width": 1,
          "mask": "0x8000000000000000",
          "owner": "Hardware",
          "role": "NoExecute",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug",
            "Pke"
          ],
          "summary": "XD/NX: no execute."
        }
      ]
    },
    {
      "name": "XenPv.Historical.L1e2005",
      "namespace": "XenPv.Historical",
      "simpleName": "L1e2005",
      "level": 1,
      "summary": "An x86-64 PV leaf (L1) entry as Xen treated it from 2005 to 2008: the debug grant marker `_PAGE_GNTTAB` was `_PAGE_AVAIL2` (0x800), bit 11, inside the software bits 9-11 that guest kernels use. The \"*BSD\" warning next to that flag was written for this layout (`docs/guest-os-pte-bits.md` §1).",
      "switchesType": "XenPv.Historical.Xen2005Config",
      "noSwitchesName": "None",
      "switches": [
        {
          "name": "Debug",
          "value": "0x1",
          "summary": "A debug build: `_PAGE_GNTTAB` is `_PAGE_AVAIL2`, bit 11."
        }
      ],
      "configurations": [
        {
          "name": "None",
          "value": "0x0",
          "hardwareBits": "0x800FFFFFFFFFF1FF",
          "xenReservedBits": "0x0000000000000000",
          "guestAvailableBits": "0x7FF0000000000E00",
          "guestRefusedBits": "0x0000000000000000"
        },
        {
          "name": "Debug",
          "value": "0x1",
          "hardwareBits": "0x800FFFFFFFFFF1FF",
          "xenReservedBits": "0x0000000000000800",
          "guestAvailableBits": "0x7FF0000000000600",
          "guestRefusedBits": "0x0000000000000800"
        }
      ],
      "configurationDependentBits": "0x0000000000000800",
      "fields": [
        {
          "name": "Present",
          "low": 0,
          "high": 0,
          "width": 1,
          "mask": "0x0000000000000001",
          "owner": "Hardware",
          "role": "Present",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug"
          ],
          "summary": "P: the entry maps a page."
        },
        {
          "name": "Writable",
          "low": 1,
          "high": 1,
          "width": 1,
          "mask": "0x0000000000000002",
          "owner": "Hardware",
          "role": "Writable",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug"
          ],
          "summary": "R/W: writes allowed."
        },
        {
          "name": "User",
          "low": 2,
          "high": 2,
          "width": 1,
          "mask": "0x0000000000000004",
          "owner": "Hardware",
          "role": "User",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug"
          ],
          "summary": "U/S: user access."
        },
        {
          "name": "CacheControl",
          "low": 3,
          "high": 4,
          "width": 2,
          "mask": "0x0000000000000018",
          "owner": "Hardware",
          "role": "None",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug"
          ],
          "summary": "PWT, PCD: caching."
        },
        {
          "name": "Accessed",
          "low": 5,
          "high": 5,
          "width": 1,
          "mask": "0x0000000000000020",
          "owner": "Hardware",
          "role": "Accessed",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug"
          ],
          "summary": "A: accessed."
        },
        {
          "name": "Dirty",
          "low": 6,
          "high": 6,
          "width": 1,
          "mask": "0x0000000000000040",
          "owner": "Hardware",
          "role": "Dirty",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug"
          ],
          "summary": "D: dirty."
        },
        {
          "name": "Pat",
          "low": 7,
          "high": 7,
          "width": 1,
          "mask": "0x0000000000000080",
          "owner": "Hardware",
          "role": "PatOrPageSize",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug"
          ],
          "summary": "PAT."
        },
        {
          "name": "Global",
          "low": 8,
          "high": 8,
          "width": 1,
          "mask": "0x0000000000000100",
          "owner": "Hardware",
          "role": "Global",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug"
          ],
          "summary": "G: global."
        },
        {
          "name": "Available",
          "low": 9,
          "high": 10,
          "width": 2,
          "mask": "0x0000000000000600",
          "owner": "GuestAvailable",
          "role": "None",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug"
          ],
          "summary": "Bits 9-10, `_PAGE_AVAIL0` and `_PAGE_AVAIL1`: the guest's in every build."
        },
        {
          "name": "Software11",
          "low": 11,
          "high": 11,
          "width": 1,
          "mask": "0x0000000000000800",
          "owner": "GuestAvailable",
          "role": "None",
          "when": "!Debug",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None"
          ],
          "summary": "Bit 11, `_PAGE_AVAIL2`: the guest's in a release build."
        },
        {
          "name": "GrantMapping",
          "low": 11,
          "high": 11,
          "width": 1,
          "mask": "0x0000000000000800",
          "owner": "XenReserved",
          "role": "GrantMapping",
          "when": "Debug",
          "guestWrite": "refused",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "Debug"
          ],
          "summary": "Bit 11, `_PAGE_GNTTAB` in a debug build: Xen marks grant mappings with it and refuses a guest entry that sets it. NetBSD i386's `PG_X` sits on this bit (`docs/guest-os-pte-bits.md`)."
        },
        {
          "name": "Frame",
          "low": 12,
          "high": 51,
          "width": 40,
          "mask": "0x000FFFFFFFFFF000",
          "owner": "Hardware",
          "role": "Frame",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug"
          ],
          "summary": "The machine frame number."
        },
        {
          "name": "AvailableHigh",
          "low": 52,
          "high": 62,
          "width": 11,
          "mask": "0x7FF0000000000000",
          "owner": "GuestAvailable",
          "role": "None",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug"
          ],
          "summary": "Bits 52-62: no kernel marker and no protection key yet; left to the guest."
        },
        {
          "name": "NoExecute",
          "low": 63,
          "high": 63,
          "width": 1,
          "mask": "0x8000000000000000",
          "owner": "Hardware",
          "role": "NoExecute",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Debug"
          ],
          "summary": "XD/NX: no execute."
        }
      ]
    }
  ]
}
