using static PteGen.Tests.Infrastructure.UsageHarness;

namespace PteGen.Tests.Usage;

/// <summary>
/// PTE101: guest code writes (sets, clears or toggles) a bit Xen reserves, through a generated <c>With…</c> method or
/// raw arithmetic with a constant on an entry's raw bits. The guest references the layout assembly (cross-assembly),
/// <c>PteGenConfiguration</c> is absent, so every valid configuration (None, Debug, Pke) counts.
/// </summary>
public sealed class GuestWriteTests
{
    private const string Kernel = "bit 52 (GuestKernel) in every configuration (None, Debug, Pke)";
    private const string Grant = "bit 62 (GrantMapping) under configuration Debug";

    private static string Message(string verb, string bits, string owners) => $"Guest code {verb} {bits} of 'L1e': Xen reserves {owners}";

    [Theory]
    [InlineData("return [|e.WithGuestKernel(true)|];", "writes")]
    [InlineData("return [|e.WithGuestKernel(false)|];", "writes")] // clearing is writing too
    [InlineData("return new L1e([|e.Raw | L1e.GuestKernelMask|]);", "sets")]
    [InlineData("return new L1e([|L1e.GuestKernelMask | e.Raw|]);", "sets")]
    [InlineData("return new L1e([|e.Raw & ~L1e.GuestKernelMask|]);", "clears")]
    [InlineData("return new L1e([|~L1e.GuestKernelMask & e.Raw|]);", "clears")]
    [InlineData("return new L1e([|e.Raw ^ L1e.GuestKernelMask|]);", "toggles")]
    [InlineData("return new L1e([|e.Raw | (1UL << 52)|]);", "sets")]
    [InlineData("return new L1e([|e.Raw | 0x0010000000000000UL|]);", "sets")]
    [InlineData("return new L1e([|e.Raw & ~(1UL << 52)|]);", "clears")]
    [InlineData("const ulong kernel = 1UL << 52; return new L1e([|e.Raw | kernel|]);", "sets")]
    [InlineData("var raw = e.Raw; return new L1e([|raw | L1e.GuestKernelMask|]);", "sets")]
    [InlineData("var raw = e.Raw; [|raw |= L1e.GuestKernelMask|]; return new L1e(raw);", "sets")]
    [InlineData("var raw = e.Raw; [|raw &= ~L1e.GuestKernelMask|]; return new L1e(raw);", "clears")]
    [InlineData("var raw = e.Raw; [|raw ^= L1e.GuestKernelMask|]; return new L1e(raw);", "toggles")]
    [InlineData("ulong raw = e.Raw; [|raw |= 1UL << 52|]; _shadow[i] = raw; return null;", "sets")] // a [PteValue] shadow table
    [InlineData("var raw = e.Raw; ulong next = 0; next |= [|raw & ~L1e.GuestKernelMask|]; _shadow[i] = next; return null;", "clears")]
    [InlineData("var raw = e.Raw; [|raw &= ~L1e.GuestKernelMask|]; _slot = raw; return null;", "clears")]
    [InlineData("var raw = e.Raw; return new L1e([|raw &= ~L1e.GuestKernelMask|]);", "clears")]
    [InlineData("var raw = e.Raw; _shadow[i] = [|raw &= ~L1e.GuestKernelMask|]; return null;", "clears")]
    [InlineData("return new L1e([|0x0010000000000001|]);", "sets")]
    [InlineData("L1e entry = new([|0x0010000000000000|]); return entry;", "sets")] // target-typed new
    [InlineData("L1e entry = new([|e.Raw | L1e.GuestKernelMask|]); return entry;", "sets")]
    [InlineData("return new L1e([|1UL << 52|]);", "sets")]
    [InlineData("var a = e.Raw; var b = [|a & ~L1e.GuestKernelMask|]; var c = b; return new L1e(c);", "clears")]
    [InlineData("var a = e.Raw; ulong b; b = [|a | L1e.GuestKernelMask|]; var entry = new L1e(b); return entry;", "sets")]
    [InlineData("_shadow[i] = [|e.Raw & ~L1e.GuestKernelMask|]; return null;", "clears")]
    [InlineData("_slot = [|e.Raw & ~L1e.GuestKernelMask|]; return null;", "clears")]
    [InlineData("_entry = new L1e([|e.Raw & ~L1e.GuestKernelMask|]); return null;", "clears")]
    [InlineData("table[i] = new L1e([|table[i].Raw | L1e.GuestKernelMask|]); return null;", "sets")]
    [InlineData("return Strip(e.Raw);\n    }\n\n    private static L1e Strip(ulong raw)\n    {\n        return new L1e([|raw & ~L1e.GuestKernelMask|]);", "clears")]
    public void WritingTheKernelBitIsReported(string body, string verb)
    {
        Run(Body(body)).ExpectSingle("PTE101", Message(verb, "bit 52", Kernel));
    }

    [Theory]
    [InlineData("return [|e.WithGrantMapping(true)|];", "writes")]
    [InlineData("return [|e.WithGrantMapping(false)|];", "writes")]
    [InlineData("return [|e.WithSoftware62(true)|];", "writes")] // guest-available under None only: Xen's under Debug
    [InlineData("return new L1e([|e.Raw | L1e.GrantMappingMask|]);", "sets")]
    [InlineData("return new L1e([|e.Raw & ~(1UL << 62)|]);", "clears")]
    public void WritingTheDebugGrantBitIsReported(string body, string verb)
    {
        Run(Body(body)).ExpectSingle("PTE101", Message(verb, "bit 62", Grant));
    }

    [Fact]
    public void WithSoftware62UnderDebugIsReported()
    {
        Run(Body("return [|e.WithSoftware62(true)|];"), UsageSettings.Config("Debug"))
            .ExpectSingle("PTE101", Message("writes", "bit 62", "bit 62 (GrantMapping) under configuration Debug"));
    }

    [Fact]
    public void WithSoftware62UnderNoneIsNotReported()
    {
        Run(Body("return e.WithSoftware62(true);"), UsageSettings.Config("None")).ExpectNone("PTE101");
    }

    [Fact]
    public void MaskingDownToTheLowBitsAndStoringAnEntryClearsBothXenBits()
    {
        Run(Body("return new L1e([|e.Raw & 0xFFF|]);"))
            .ExpectSingle("PTE101", Message("clears", "bits 52 and 62", $"{Kernel} and {Grant}"));
    }

    [Fact]
    public void ConstFieldsAndEnumConstantsAreConstantOperands()
    {
        var run = Run(Members("""
                private const ulong KernelBit = 1UL << 52;

                [Flags]
                private enum Marks : ulong { None = 0, Kernel = 1UL << 52, Grant = 1UL << 62 }

                public L1e ViaConst(L1e e) => new L1e([|e.Raw | KernelBit|]);

                public L1e ViaEnum(L1e e) => new L1e([|e.Raw | (ulong)Marks.Kernel|]);

                public L1e ViaEnumClear(L1e e) => new L1e([|e.Raw & ~(ulong)Marks.Grant|]);
            """));
        run.Expect("PTE101", Message("sets", "bit 52", Kernel), Message("sets", "bit 52", Kernel), Message("clears", "bit 62", Grant));
    }

    [Fact]
    public void FieldInitializersAndLambdasAreAnalyzed()
    {
        var run = Run(Members("""
                private static readonly L1e Kernel = new L1e([|(1UL << 52) | 1|]);

                public Func<L1e, L1e> Marker => entry => [|entry.WithGuestKernel(true)|];
            """));
        run.Expect("PTE101", Message("sets", "bit 52", Kernel), Message("writes", "bit 52", Kernel));
    }

    [Fact]
    public void EachViolationInOneMethodIsReportedAtItsOwnLocation()
    {
        var run = Run(Body("""
                var first = [|e.WithGuestKernel(true)|];
                var raw = first.Raw;
                [|raw ^= L1e.GrantMappingMask|];
                table[i] = new L1e(raw);
                return new L1e([|e.Raw | L1e.GuestKernelMask|]).WithPresent(true).WithAvailable(5);
            """));
        run.Expect("PTE101", Message("writes", "bit 52", Kernel), Message("toggles", "bit 62", Grant), Message("sets", "bit 52", Kernel));
    }

    /// <summary>Legitimate guest code next to the violations above: nothing is reported as a write.</summary>
    [Theory]
    [InlineData("return e.WithAvailable(3);")] // guest-available bits
    [InlineData("return e.WithAvailableHigh(0x3F);")]
    [InlineData("return e.WithSoftwareKeyBits(7);")]
    [InlineData("return e.WithPresent(true);")] // hardware bits the guest may set
    [InlineData("return e.WithWritable(false).WithNoExecute(true).WithFrame(0x1234);")]
    [InlineData("return new L1e(e.Raw | L1e.AvailableMask);")]
    [InlineData("return new L1e(e.Raw & ~L1e.AvailableMask);")] // clearing a guest bit
    [InlineData("return new L1e(e.Raw ^ (1UL << 9));")]
    [InlineData("var raw = e.Raw; raw &= ~L1e.AvailableMask; raw |= 1UL << 53; return new L1e(raw);")]
    [InlineData("return new L1e(e.Raw | (1UL << 57));")]
    [InlineData("return new L1e(0x8000000000000001);")]
    [InlineData("Console.WriteLine(e.Raw & 0xFFF); return null;")] // extracted and printed
    [InlineData("return e.Raw & 0xFFF;")] // extracted and returned
    [InlineData("var low = e.Raw & 0xFFF; Console.WriteLine(low); return low;")]
    [InlineData("ulong x = y | (1UL << 52); return x;")] // unrelated arithmetic, not derived from .Raw
    [InlineData("ulong x = y; x |= 1UL << 52; x &= ~(1UL << 62); entries[i] = x; return x;")]
    [InlineData("return (e.Raw & L1e.GuestKernelMask) != 0;")] // a read (PTE103 when enabled)
    [InlineData("return (e.Raw & (1UL << 62)) == 0 ? 1 : 2;")]
    [InlineData("if ((e.Raw & L1e.GuestKernelMask) != 0) { return 1; } return 0;")]
    [InlineData("return e.Raw >> 52;")]
    [InlineData("return new L1e(e.Raw | y);")] // not a constant
    [InlineData("return e.GuestKernel;")]
    [InlineData("ulong raw = e.Raw; raw |= 1UL << 52; entries[i] = raw; return null;")] // a plain ulong[] is no entry
    [InlineData("_raw = e.Raw & ~L1e.GuestKernelMask; return null;")] // nor a plain ulong field
    [InlineData("var raw = e.Raw; raw &= ~L1e.GuestKernelMask; return raw;")] // nor a returned ulong
    [InlineData("return e.Raw & ~L1e.GuestKernelMask;")]
    [InlineData("return Strip(e);\n    }\n\n    private static ulong Strip(L1e e)\n    {\n        return e.Raw & ~L1e.GuestKernelMask;")]
    public void LegitimatePatternsAreNotWrites(string body)
    {
        Run(Body(body)).ExpectNone("PTE101");
    }

    /// <summary>Masking a local down to a few low bits and using them is a read, whether the mask is &amp; or &amp;=.</summary>
    [Theory]
    [InlineData("var low = e.Raw; low &= 0xFFF; Console.WriteLine(low); return null;")]
    [InlineData("var low = e.Raw; low &= 0xFFF; return low;")]
    [InlineData("ulong flags = e.Raw; flags &= L1e.PresentMask | L1e.WritableMask; return flags == 3;")]
    [InlineData("var low = e.Raw & 0xFFF; ulong sum = 0; sum += low; Console.WriteLine(sum); return null;")]
    [InlineData("ulong total = 0; foreach (var entry in table) { total += entry.Raw & 0xFFF; } Console.WriteLine(total); return null;")]
    public void CompoundMaskingThatExtractsBitsIsNotAWrite(string body)
    {
        Run(Body(body)).ExpectNone("PTE101");
    }
}
