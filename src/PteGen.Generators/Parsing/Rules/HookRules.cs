using System.Collections.Generic;
using PteGen.Generators.Diagnostics;
using PteGen.Generators.Parsing.Problems;
using PteGen.Generators.Parsing.Reading;

namespace PteGen.Generators.Parsing.Rules;

/// <summary>
/// The <c>OnGlobalKernelPage</c> hook: a partial method whose definition the full API declares and the user may
/// implement. Whatever the user wrote must pair with what is generated, or the compiler reports CS0759 in the user's
/// file and no analyzer runs.
/// </summary>
internal static class HookRules
{
    /// <param name="declaration">The layout as read.</param>
    /// <param name="generatesHook">Whether the full API declares the hook (a level-1 fixup that warns).</param>
    public static IEnumerable<Problem> Check(LayoutDeclaration declaration, bool generatesHook)
    {
        foreach (var hook in declaration.Hooks)
        {
            var site = Site.Member(hook.MemberIndex);
            var expected = $"static partial void {LayoutReader.WarningHook}({declaration.RawName} entry)";
            switch (hook.Shape)
            {
                case HookShape.NotPartial when generatesHook:
                    yield return Problem.Create(DiagnosticDescriptors.ConflictingMember, site, declaration.RawName, $"the method '{hook.Signature}', which is not partial", $"hook '{expected}' (implement it as a partial method)");
                    break;
                case HookShape.Definition when generatesHook:
                    yield return Problem.Create(DiagnosticDescriptors.ConflictingMember, site, declaration.RawName, $"a defining declaration of '{hook.Signature}'", $"hook '{expected}' (write only its implementation)");
                    break;
                case HookShape.Implementation when !generatesHook:
                    yield return Problem.Create(DiagnosticDescriptors.HookNotGenerated, site, hook.Signature, declaration.RawName, "the layout has no hook; PteGen declares OnGlobalKernelPage only for a level-1 layout whose fixup warns (GuestKernel and Global roles, and a WarnWhen condition or a Debug switch)");
                    break;
                case HookShape.Implementation when !hook.MatchesGenerated:
                    yield return Problem.Create(DiagnosticDescriptors.HookNotGenerated, site, hook.Signature, declaration.RawName, $"its signature differs from the generated '{expected}'");
                    break;
            }
        }
    }
}
