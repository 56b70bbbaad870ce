using System.Collections.Generic;
using PteGen.Generators.Diagnostics;
using PteGen.Generators.Model;
using PteGen.Generators.Parsing.Problems;
using PteGen.Generators.Parsing.Reading;

namespace PteGen.Generators.Parsing.Rules;

/// <summary>PTE020: user members that the generated part would redeclare, so the error is PteGen's, not the compiler's.</summary>
internal static class MemberConflictRules
{
    public static IEnumerable<Problem> Check(LayoutDeclaration declaration, LayoutModel layout)
    {
        var reserved = GeneratedNames.For(layout);

        // A generated member may not have the name of its enclosing type (CS0542): a layout named Raw, or FlagMask
        // beside a property Flag.
        if (reserved.Contains(declaration.RawName) || declaration.RawName is "Equals" or "GetHashCode" or "ToString")
        {
            yield return Problem.Create(
                DiagnosticDescriptors.ConflictingMember,
                Site.Type,
                declaration.RawName,
                $"its own name, '{declaration.RawName}'",
                $"member '{declaration.RawName}' (a member cannot have the name of its type)");
        }

        foreach (var member in declaration.Members)
        {
            var generated = member.Shape switch
            {
                MemberShape.InstanceField => "storage (an entry is exactly one ulong)",
                MemberShape.RawConstructor => "constructor from the raw value",
                MemberShape.ObjectMemberSignature => "equality and formatting members",
                // Not in GeneratedNames (user methods of these names may be legitimate overloads), but a property,
                // field, event or type of that name collides with the generated method.
                MemberShape.ObjectMemberName => $"method '{member.Name}'",
                MemberShape.Named when reserved.Contains(member.Name) => $"member '{member.Name}'",
                _ => null,
            };
            if (generated is not null)
            {
                yield return Problem.Create(DiagnosticDescriptors.ConflictingMember, Site.Member(member.Index), declaration.RawName, member.Display, generated);
            }
        }
    }
}
