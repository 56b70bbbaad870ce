using PteGen.Tests.Infrastructure;

namespace PteGen.Tests.ZeroOverhead;

/// <summary>
/// The probe program: the x86-64 PV L1 layout of samples/XenPv, one pair of
/// non-inlined methods per accessor (the generated accessor vs the hand-written mask-and-shift code that does the same),
/// and a <c>Main</c> that calls every probe method and checks that both sides of each pair agree.
/// </summary>
internal static class ProbeSource
{
    /// <summary>The fields of the layout, in declaration order; each has a getter and a <c>With</c> pair of probes.</summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        "Present", "Writable", "User", "WriteThrough", "CacheDisable", "Accessed", "Dirty", "Pat", "Global",
        "Available", "Frame", "GuestKernel", "AvailableHigh", "ProtectionKey", "SoftwareKeyBits", "Software62",
        "GrantMapping", "NoExecute",
    ];

    /// <summary>Every accessor compared: <c>Get_{Field}</c> and <c>With_{Field}</c>.</summary>
    public static IEnumerable<string> Accessors => Fields.SelectMany(f => new[] { "Get_" + f, "With_" + f });

    /// <summary>The switches and the layout: the sample's own <c>XenConfig.cs</c> and <c>L1e.cs</c>, in the probe's namespace.</summary>
    public static string Layout => SampleSource.XenL1e.Replace("namespace XenPv;", "namespace ZeroOverheadProbe;");

    /// <summary>
    /// The probes. <c>Generated_*</c> call the generated accessor (inlined into the probe); <c>Hand_*</c> are what a
    /// careful kernel programmer writes on a raw <c>ulong</c>: the field's mask as a literal, mask then shift to read,
    /// clear-and-or to write, and for a multi-bit field a range check that throws through one non-inlined helper.
    /// </summary>
    public const string Probes = """
        using System;
        using System.Diagnostics.CodeAnalysis;
        using System.Runtime.CompilerServices;

        namespace ZeroOverheadProbe;

        public static class Probes
        {
            // ---- Generated getters ----
            [MethodImpl(MethodImplOptions.NoInlining)] public static bool Generated_Get_Present(L1e e) => e.Present;
            [MethodImpl(MethodImplOptions.NoInlining)] public static bool Generated_Get_Writable(L1e e) => e.Writable;
            [MethodImpl(MethodImplOptions.NoInlining)] public static bool Generated_Get_User(L1e e) => e.User;
            [MethodImpl(MethodImplOptions.NoInlining)] public static bool Generated_Get_WriteThrough(L1e e) => e.WriteThrough;
            [MethodImpl(MethodImplOptions.NoInlining)] public static bool Generated_Get_CacheDisable(L1e e) => e.CacheDisable;
            [MethodImpl(MethodImplOptions.NoInlining)] public static bool Generated_Get_Accessed(L1e e) => e.Accessed;
            [MethodImpl(MethodImplOptions.NoInlining)] public static bool Generated_Get_Dirty(L1e e) => e.Dirty;
            [MethodImpl(MethodImplOptions.NoInlining)] public static bool Generated_Get_Pat(L1e e) => e.Pat;
            [MethodImpl(MethodImplOptions.NoInlining)] public static bool Generated_Get_Global(L1e e) => e.Global;
            [MethodImpl(MethodImplOptions.NoInlining)] public static byte Generated_Get_Available(L1e e) => e.Available;
            [MethodImpl(MethodImplOptions.NoInlining)] public static ulong Generated_Get_Frame(L1e e) => e.Frame;
            [MethodImpl(MethodImplOptions.NoInlining)] public static bool Generated_Get_GuestKernel(L1e e) => e.GuestKernel;
            [MethodImpl(MethodImplOptions.NoInlining)] public static byte Generated_Get_AvailableHigh(L1e e) => e.AvailableHigh;
            [MethodImpl(MethodImplOptions.NoInlining)] public static byte Generated_Get_ProtectionKey(L1e e) => e.ProtectionKey;
            [MethodImpl(MethodImplOptions.NoInlining)] public static byte Generated_Get_SoftwareKeyBits(L1e e) => e.SoftwareKeyBits;
            [MethodImpl(MethodImplOptions.NoInlining)] public static bool Generated_Get_Software62(L1e e) => e.Software62;
            [MethodImpl(MethodImplOptions.NoInlining)] public static bool Generated_Get_GrantMapping(L1e e) => e.GrantMapping;
            [MethodImpl(MethodImplOptions.NoInlining)] public static bool Generated_Get_NoExecute(L1e e) => e.NoExecute;

            // ---- Hand-written getters ----
            [MethodImpl(MethodImplOptions.NoInlining)] public static bool Hand_Get_Present(ulong raw) => (raw & 0x1UL) != 0;
            [MethodImpl(MethodImplOptions.NoInlining)] public static bool Hand_Get_Writable(ulong raw) => (raw & 0x2UL) != 0;
            [MethodImpl(MethodImplOptions.NoInlining)] public static bool Hand_Get_User(ulong raw) => (raw & 0x4UL) != 0;
            [MethodImpl(MethodImplOptions.NoInlining)] public static bool Hand_Get_WriteThrough(ulong raw) => (raw & 0x8UL) != 0;
            [MethodImpl(MethodImplOptions.NoInlining)] public static bool Hand_Get_CacheDisable(ulong raw) => (raw & 0x10UL) != 0;
            [MethodImpl(MethodImplOptions.NoInlining)] public static bool Hand_Get_Accessed(ulong raw) => (raw & 0x20UL) != 0;
            [MethodImpl(MethodImplOptions.NoInlining)] public static bool Hand_Get_Dirty(ulong raw) => (raw & 0x40UL) != 0;
            [MethodImpl(MethodImplOptions.NoInlining)] public static bool Hand_Get_Pat(ulong raw) => (raw & 0x80UL) != 0;
            [MethodImpl(MethodImplOptions.NoInlining)] public static bool Hand_Get_Global(ulong raw) => (raw & 0x100UL) != 0;
            [MethodImpl(MethodImplOptions.NoInlining)] public static byte Hand_Get_Available(ulong raw) => (byte)((raw & 0xE00UL) >> 9);
            [MethodImpl(MethodImplOptions.NoInlining)] public static ulong Hand_Get_Frame(ulong raw) => (raw & 0x000F_FFFF_FFFF_F000UL) >> 12;
            [MethodImpl(MethodImplOptions.NoInlining)] public static bool Hand_Get_GuestKernel(ulong raw) => (raw & 0x0010_0000_0000_0000UL) != 0;
            [MethodImpl(MethodImplOptions.NoInlining)] public static byte Hand_Get_AvailableHigh(ulong raw) => (byte)((raw & 0x07E0_0000_0000_0000UL) >> 53);
            [MethodImpl(MethodImplOptions.NoInlining)] public static byte Hand_Get_ProtectionKey(ulong raw) => (byte)((raw & 0x7800_0000_0000_0000UL) >> 59);
            [MethodImpl(MethodImplOptions.NoInlining)] public static byte Hand_Get_SoftwareKeyBits(ulong raw) => (byte)((raw & 0x3800_0000_0000_0000UL) >> 59);
            [MethodImpl(MethodImplOptions.NoInlining)] public static bool Hand_Get_Software62(ulong raw) => (raw & 0x4000_0000_0000_0000UL) != 0;
            [MethodImpl(MethodImplOptions.NoInlining)] public static bool Hand_Get_GrantMapping(ulong raw) => (raw & 0x4000_0000_0000_0000UL) != 0;
            [MethodImpl(MethodImplOptions.NoInlining)] public static bool Hand_Get_NoExecute(ulong raw) => (raw & 0x8000_0000_0000_0000UL) != 0;

            // ---- Generated With methods ----
            [MethodImpl(MethodImplOptions.NoInlining)] public static L1e Generated_With_Present(L1e e, bool v) => e.WithPresent(v);
            [MethodImpl(MethodImplOptions.NoInlining)] public static L1e Generated_With_Writable(L1e e, bool v) => e.WithWritable(v);
            [MethodImpl(MethodImplOptions.NoInlining)] public static L1e Generated_With_User(L1e e, bool v) => e.WithUser(v);
            [MethodImpl(MethodImplOptions.NoInlining)] public static L1e Generated_With_WriteThrough(L1e e, bool v) => e.WithWriteThrough(v);
            [MethodImpl(MethodImplOptions.NoInlining)] public static L1e Generated_With_CacheDisable(L1e e, bool v) => e.WithCacheDisable(v);
            [MethodImpl(MethodImplOptions.NoInlining)] public static L1e Generated_With_Accessed(L1e e, bool v) => e.WithAccessed(v);
            [MethodImpl(MethodImplOptions.NoInlining)] public static L1e Generated_With_Dirty(L1e e, bool v) => e.WithDirty(v);
            [MethodImpl(MethodImplOptions.NoInlining)] public static L1e Generated_With_Pat(L1e e, bool v) => e.WithPat(v);
            [MethodImpl(MethodImplOptions.NoInlining)] public static L1e Generated_With_Global(L1e e, bool v) => e.WithGlobal(v);
            [MethodImpl(MethodImplOptions.NoInlining)] public static L1e Generated_With_Available(L1e e, byte v) => e.WithAvailable(v);
            [MethodImpl(MethodImplOptions.NoInlining)] public static L1e Generated_With_Frame(L1e e, ulong v) => e.WithFrame(v);
            [MethodImpl(MethodImplOptions.NoInlining)] public static L1e Generated_With_GuestKernel(L1e e, bool v) => e.WithGuestKernel(v);
            [MethodImpl(MethodImplOptions.NoInlining)] public static L1e Generated_With_AvailableHigh(L1e e, byte v) => e.WithAvailableHigh(v);
            [MethodImpl(MethodImplOptions.NoInlining)] public static L1e Generated_With_ProtectionKey(L1e e, byte v) => e.WithProtectionKey(v);
            [MethodImpl(MethodImplOptions.NoInlining)] public static L1e Generated_With_SoftwareKeyBits(L1e e, byte v) => e.WithSoftwareKeyBits(v);
            [MethodImpl(MethodImplOptions.NoInlining)] public static L1e Generated_With_Software62(L1e e, bool v) => e.WithSoftware62(v);
            [MethodImpl(MethodImplOptions.NoInlining)] public static L1e Generated_With_GrantMapping(L1e e, bool v) => e.WithGrantMapping(v);
            [MethodImpl(MethodImplOptions.NoInlining)] public static L1e Generated_With_NoExecute(L1e e, bool v) => e.WithNoExecute(v);

            // ---- Hand-written With methods ----
            [MethodImpl(MethodImplOptions.NoInlining)] public static ulong Hand_With_Present(ulong raw, bool v) => v ? raw | 0x1UL : raw & ~0x1UL;
            [MethodImpl(MethodImplOptions.NoInlining)] public static ulong Hand_With_Writable(ulong raw, bool v) => v ? raw | 0x2UL : raw & ~0x2UL;
            [MethodImpl(MethodImplOptions.NoInlining)] public static ulong Hand_With_User(ulong raw, bool v) => v ? raw | 0x4UL : raw & ~0x4UL;
            [MethodImpl(MethodImplOptions.NoInlining)] public static ulong Hand_With_WriteThrough(ulong raw, bool v) => v ? raw | 0x8UL : raw & ~0x8UL;
            [MethodImpl(MethodImplOptions.NoInlining)] public static ulong Hand_With_CacheDisable(ulong raw, bool v) => v ? raw | 0x10UL : raw & ~0x10UL;
            [MethodImpl(MethodImplOptions.NoInlining)] public static ulong Hand_With_Accessed(ulong raw, bool v) => v ? raw | 0x20UL : raw & ~0x20UL;
            [MethodImpl(MethodImplOptions.NoInlining)] public static ulong Hand_With_Dirty(ulong raw, bool v) => v ? raw | 0x40UL : raw & ~0x40UL;
            [MethodImpl(MethodImplOptions.NoInlining)] public static ulong Hand_With_Pat(ulong raw, bool v) => v ? raw | 0x80UL : raw & ~0x80UL;
            [MethodImpl(MethodImplOptions.NoInlining)] public static ulong Hand_With_Global(ulong raw, bool v) => v ? raw | 0x100UL : raw & ~0x100UL;

            [MethodImpl(MethodImplOptions.NoInlining)]
            public static ulong Hand_With_Available(ulong raw, byte v)
            {
                if (v > 0x7)
                {
                    ThrowValueOutOfRange(v);
                }

                return (raw & ~0xE00UL) | ((ulong)v << 9);
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            public static ulong Hand_With_Frame(ulong raw, ulong v)
            {
                if (v > 0xFF_FFFF_FFFFUL)
                {
                    ThrowValueOutOfRange(v);
                }

                return (raw & ~0x000F_FFFF_FFFF_F000UL) | (v << 12);
            }

            [MethodImpl(MethodImplOptions.NoInlining)] public static ulong Hand_With_GuestKernel(ulong raw, bool v) => v ? raw | 0x0010_0000_0000_0000UL : raw & ~0x0010_0000_0000_0000UL;

            [MethodImpl(MethodImplOptions.NoInlining)]
            public static ulong Hand_With_AvailableHigh(ulong raw, byte v)
            {
                if (v > 0x3F)
                {
                    ThrowValueOutOfRange(v);
                }

                return (raw & ~0x07E0_0000_0000_0000UL) | ((ulong)v << 53);
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            public static ulong Hand_With_ProtectionKey(ulong raw, byte v)
            {
                if (v > 0xF)
                {
                    ThrowValueOutOfRange(v);
                }

                return (raw & ~0x7800_0000_0000_0000UL) | ((ulong)v << 59);
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            public static ulong Hand_With_SoftwareKeyBits(ulong raw, byte v)
            {
                if (v > 0x7)
                {
                    ThrowValueOutOfRange(v);
                }

                return (raw & ~0x3800_0000_0000_0000UL) | ((ulong)v << 59);
            }

            [MethodImpl(MethodImplOptions.NoInlining)] public static ulong Hand_With_Software62(ulong raw, bool v) => v ? raw | 0x4000_0000_0000_0000UL : raw & ~0x4000_0000_0000_0000UL;
            [MethodImpl(MethodImplOptions.NoInlining)] public static ulong Hand_With_GrantMapping(ulong raw, bool v) => v ? raw | 0x4000_0000_0000_0000UL : raw & ~0x4000_0000_0000_0000UL;
            [MethodImpl(MethodImplOptions.NoInlining)] public static ulong Hand_With_NoExecute(ulong raw, bool v) => v ? raw | 0x8000_0000_0000_0000UL : raw & ~0x8000_0000_0000_0000UL;

            /// <summary>The one throw helper of the hand-written code: cold, out of line, reports the offending value.</summary>
            [DoesNotReturn]
            [MethodImpl(MethodImplOptions.NoInlining)]
            private static void ThrowValueOutOfRange(ulong value) =>
                throw new ArgumentOutOfRangeException(nameof(value), value, "The value does not fit the field.");
        }
        """;

    /// <summary>
    /// Calls every probe at least once (so the JIT compiles each) and checks that each pair computes the same entry and
    /// rejects the same values; prints <c>PROBE OK</c> or the mismatches and exits non-zero.
    /// </summary>
    public const string Program = """
        using System;
        using System.Collections.Generic;
        using static ZeroOverheadProbe.Probes;

        namespace ZeroOverheadProbe;

        public static class Program
        {
            private static readonly List<string> Failures = new();

            private static void Same<T>(string what, ulong raw, object value, T generated, T hand)
            {
                if (!EqualityComparer<T>.Default.Equals(generated, hand))
                {
                    Failures.Add($"{what}(0x{raw:x16}, {value}): generated {generated}, hand-written {hand}");
                }
            }

            private static void BothThrow(string what, ulong raw, object value, Func<ulong> generated, Func<ulong> hand)
            {
                if (!Throws(generated) || !Throws(hand))
                {
                    Failures.Add($"{what}(0x{raw:x16}, {value}): generated throws {Throws(generated)}, hand-written throws {Throws(hand)}");
                }
            }

            private static bool Throws(Func<ulong> call)
            {
                try
                {
                    call();
                    return false;
                }
                catch (ArgumentOutOfRangeException)
                {
                    return true;
                }
            }

            private static void Bools(string name, ulong raw, Func<bool, ulong> generated, Func<bool, ulong> hand)
            {
                foreach (var v in new[] { false, true })
                {
                    Same("With_" + name, raw, v, generated(v), hand(v));
                }
            }

            private static void Bytes(string name, ulong raw, byte max, Func<byte, ulong> generated, Func<byte, ulong> hand)
            {
                foreach (var v in new byte[] { 0, 1, (byte)(max / 2), max })
                {
                    Same("With_" + name, raw, v, generated(v), hand(v));
                }

                foreach (var v in new byte[] { (byte)(max + 1), byte.MaxValue })
                {
                    BothThrow("With_" + name, raw, v, () => generated(v), () => hand(v));
                }
            }

            public static int Main()
            {
                ulong[] raws = { 0UL, ulong.MaxValue, 0x8123_4567_89AB_CDEFUL, 0x5A5A_5A5A_5A5A_5A5AUL, 0x0010_0000_0000_0107UL };
                foreach (var raw in raws)
                {
                    var e = new L1e(raw);
                    Same("Get_Present", raw, "", Generated_Get_Present(e), Hand_Get_Present(raw));
                    Same("Get_Writable", raw, "", Generated_Get_Writable(e), Hand_Get_Writable(raw));
                    Same("Get_User", raw, "", Generated_Get_User(e), Hand_Get_User(raw));
                    Same("Get_WriteThrough", raw, "", Generated_Get_WriteThrough(e), Hand_Get_WriteThrough(raw));
                    Same("Get_CacheDisable", raw, "", Generated_Get_CacheDisable(e), Hand_Get_CacheDisable(raw));
                    Same("Get_Accessed", raw, "", Generated_Get_Accessed(e), Hand_Get_Accessed(raw));
                    Same("Get_Dirty", raw, "", Generated_Get_Dirty(e), Hand_Get_Dirty(raw));
                    Same("Get_Pat", raw, "", Generated_Get_Pat(e), Hand_Get_Pat(raw));
                    Same("Get_Global", raw, "", Generated_Get_Global(e), Hand_Get_Global(raw));
                    Same("Get_Available", raw, "", Generated_Get_Available(e), Hand_Get_Available(raw));
                    Same("Get_Frame", raw, "", Generated_Get_Frame(e), Hand_Get_Frame(raw));
                    Same("Get_GuestKernel", raw, "", Generated_Get_GuestKernel(e), Hand_Get_GuestKernel(raw));
                    Same("Get_AvailableHigh", raw, "", Generated_Get_AvailableHigh(e), Hand_Get_AvailableHigh(raw));
                    Same("Get_ProtectionKey", raw, "", Generated_Get_ProtectionKey(e), Hand_Get_ProtectionKey(raw));
                    Same("Get_SoftwareKeyBits", raw, "", Generated_Get_SoftwareKeyBits(e), Hand_Get_SoftwareKeyBits(raw));
                    Same("Get_Software62", raw, "", Generated_Get_Software62(e), Hand_Get_Software62(raw));
                    Same("Get_GrantMapping", raw, "", Generated_Get_GrantMapping(e), Hand_Get_GrantMapping(raw));
                    Same("Get_NoExecute", raw, "", Generated_Get_NoExecute(e), Hand_Get_NoExecute(raw));

                    Bools("Present", raw, v => Generated_With_Present(e, v).Raw, v => Hand_With_Present(raw, v));
                    Bools("Writable", raw, v => Generated_With_Writable(e, v).Raw, v => Hand_With_Writable(raw, v));
                    Bools("User", raw, v => Generated_With_User(e, v).Raw, v => Hand_With_User(raw, v));
                    Bools("WriteThrough", raw, v => Generated_With_WriteThrough(e, v).Raw, v => Hand_With_WriteThrough(raw, v));
                    Bools("CacheDisable", raw, v => Generated_With_CacheDisable(e, v).Raw, v => Hand_With_CacheDisable(raw, v));
                    Bools("Accessed", raw, v => Generated_With_Accessed(e, v).Raw, v => Hand_With_Accessed(raw, v));
                    Bools("Dirty", raw, v => Generated_With_Dirty(e, v).Raw, v => Hand_With_Dirty(raw, v));
                    Bools("Pat", raw, v => Generated_With_Pat(e, v).Raw, v => Hand_With_Pat(raw, v));
                    Bools("Global", raw, v => Generated_With_Global(e, v).Raw, v => Hand_With_Global(raw, v));
                    Bytes("Available", raw, 0x7, v => Generated_With_Available(e, v).Raw, v => Hand_With_Available(raw, v));
                    foreach (var v in new[] { 0UL, 1UL, 0x12_3456_789AUL, 0xFF_FFFF_FFFFUL })
                    {
                        Same("With_Frame", raw, v, Generated_With_Frame(e, v).Raw, Hand_With_Frame(raw, v));
                    }

                    foreach (var v in new[] { 0x100_0000_0000UL, ulong.MaxValue })
                    {
                        BothThrow("With_Frame", raw, v, () => Generated_With_Frame(e, v).Raw, () => Hand_With_Frame(raw, v));
                    }

                    Bools("GuestKernel", raw, v => Generated_With_GuestKernel(e, v).Raw, v => Hand_With_GuestKernel(raw, v));
                    Bytes("AvailableHigh", raw, 0x3F, v => Generated_With_AvailableHigh(e, v).Raw, v => Hand_With_AvailableHigh(raw, v));
                    Bytes("ProtectionKey", raw, 0xF, v => Generated_With_ProtectionKey(e, v).Raw, v => Hand_With_ProtectionKey(raw, v));
                    Bytes("SoftwareKeyBits", raw, 0x7, v => Generated_With_SoftwareKeyBits(e, v).Raw, v => Hand_With_SoftwareKeyBits(raw, v));
                    Bools("Software62", raw, v => Generated_With_Software62(e, v).Raw, v => Hand_With_Software62(raw, v));
                    Bools("GrantMapping", raw, v => Generated_With_GrantMapping(e, v).Raw, v => Hand_With_GrantMapping(raw, v));
                    Bools("NoExecute", raw, v => Generated_With_NoExecute(e, v).Raw, v => Hand_With_NoExecute(raw, v));
                }

                foreach (var failure in Failures)
                {
                    Console.Error.WriteLine("MISMATCH " + failure);
                }

                Console.WriteLine(Failures.Count == 0 ? "PROBE OK" : $"PROBE FAILED: {Failures.Count} mismatches");
                return Failures.Count == 0 ? 0 : 1;
            }
        }
        """;
}
