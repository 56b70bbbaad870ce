using Microsoft.CodeAnalysis.CSharp;
using PteGen.Tests.Fixups;
using PteGen.Tests.Infrastructure;

namespace PteGen.Tests.Generator;

/// <summary>
/// Generated code behaves the same in a project built with <c>&lt;CheckForOverflowUnderflow&gt;</c>: its arithmetic
/// that wraps on purpose is unchecked, so no call throws <see cref="OverflowException"/>.
/// </summary>
public sealed class CheckedArithmeticTests
{
    private const string Source = """
        using System;
        using PteGen;

        namespace Test;

        [PteSwitches, Flags, MutuallyExclusive(Debug, Pke)]
        public enum Config : ulong { None = 0, Debug = 1, Pke = 2 }

        public enum Kind : sbyte { A = 0, B = 1, C = 3 }

        [PteLayout(typeof(Config))]
        public readonly partial struct Entry
        {
            [Hardware(0)] public partial bool Present { get; }
            [GuestAvailable(1, 2)] public partial Kind Kind { get; }
            [GuestAvailable(3, 63)] public partial ulong Rest { get; }
        }

        public static class Probe
        {
            public static bool IsValid(ulong configuration) => Entry.IsValid((Config)configuration);

            public static ulong WithKind(int kind) => new Entry(0).WithKind((Kind)kind).Raw;
        }
        """;

    private static LoadedCompilation LoadChecked(bool overflowChecks)
    {
        var compilation = TestCompilation.Create(Source);
        return LoadedCompilation.Load(compilation.WithOptions(compilation.Options.WithOverflowChecks(overflowChecks)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void IsValid_OfAConfigurationWithNoSwitchOfAnExclusiveGroup_DoesNotOverflow(bool overflowChecks)
    {
        using var loaded = LoadChecked(overflowChecks);
        Assert.True(loaded.Invoke<bool>("Test.Probe", "IsValid", 0UL));
        Assert.True(loaded.Invoke<bool>("Test.Probe", "IsValid", 1UL));
        Assert.False(loaded.Invoke<bool>("Test.Probe", "IsValid", 3UL));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void WithANegativeSignedEnumValue_ThrowsItsRangeError_NotOverflow(bool overflowChecks)
    {
        using var loaded = LoadChecked(overflowChecks);
        Assert.Equal(3UL << 1, loaded.Invoke<ulong>("Test.Probe", "WithKind", 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => loaded.Invoke<ulong>("Test.Probe", "WithKind", -1));
    }
}
