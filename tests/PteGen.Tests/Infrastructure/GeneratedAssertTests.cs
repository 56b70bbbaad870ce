using Xunit.Sdk;

namespace PteGen.Tests.Infrastructure;

/// <summary>The focused member assertions, on the generated file of the sample's L1 entry.</summary>
public sealed class GeneratedAssertTests
{
    private static readonly Lazy<string> Generated = new(() =>
        TestCompilation.Run(SampleSource.XenConfig, SampleSource.L1e).Generated[SampleSource.L1eName + ".g.cs"]);

    [Fact]
    public void Member_IsTheOneDeclarationOfThatName_AndNothingElse()
    {
        var withFrame = GeneratedAssert.Member(Generated.Value, "WithFrame");

        Assert.Contains("public L1e WithFrame(ulong value)", withFrame, StringComparison.Ordinal);
        Assert.DoesNotContain("WithGuestKernel", withFrame, StringComparison.Ordinal);
        Assert.DoesNotContain("/// <summary>", withFrame, StringComparison.Ordinal);
    }

    [Fact]
    public void Member_OfAnOverloadedName_Fails_AndMembersListsTheOverloads()
    {
        Assert.ThrowsAny<XunitException>(() => GeneratedAssert.Member(Generated.Value, "AdjustGuestL1e"));
        Assert.True(GeneratedAssert.Members(Generated.Value, "AdjustGuestL1e").Count > 1);
    }

    [Fact]
    public void Member_OfAMissingName_Fails_AndNoMemberAcceptsIt()
    {
        Assert.ThrowsAny<XunitException>(() => GeneratedAssert.Member(Generated.Value, "WithNothing"));
        GeneratedAssert.NoMember(Generated.Value, "WithNothing");
        Assert.ThrowsAny<XunitException>(() => GeneratedAssert.NoMember(Generated.Value, "WithFrame"));
    }

    [Fact]
    public void Member_FindsConstantsByTheirName()
    {
        Assert.EndsWith("FrameWidth = 40;", GeneratedAssert.Member(Generated.Value, "FrameWidth"), StringComparison.Ordinal);
    }
}
