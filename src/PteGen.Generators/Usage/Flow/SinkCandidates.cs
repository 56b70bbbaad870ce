using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PteGen.Generators.Usage.Flow;

/// <summary>
/// The cheap test, on one walk of a body's operations, of whether the body has a place where a value can become an
/// entry: only such bodies get a control-flow graph.
/// </summary>
internal static class SinkCandidates
{
    /// <summary>
    /// A possible sink that needs no other method's summary: a layout constructor, an assignment into entry storage, an
    /// atomic write, a marked parameter, a local function's integer parameter.
    /// </summary>
    public static bool IsLocal(IOperation operation, FlowContext flowContext, CancellationToken cancellationToken) => operation switch
    {
        IObjectCreationOperation creation => flowContext.Sinks.Constructor(creation, cancellationToken) is not null,
        IAssignmentOperation assignment => MayBeEntryStorage(assignment.Target, flowContext, cancellationToken),
        IInvocationOperation invocation => invocation.TargetMethod.MethodKind == MethodKind.LocalFunction || IsAtomicWrite(invocation.TargetMethod)
            || HasMarkedParameter(invocation.TargetMethod, flowContext, cancellationToken),
        _ => false,
    };

    private static bool IsAtomicWrite(IMethodSymbol method) =>
        method.ContainingType is { Name: "Interlocked" or "Volatile" } && method.Parameters.Length >= 2 && method.Parameters[0].RefKind == RefKind.Ref;

    private static bool HasMarkedParameter(IMethodSymbol method, FlowContext flowContext, CancellationToken cancellationToken)
    {
        foreach (var parameter in method.Parameters)
        {
            if (!flowContext.Sinks.Marked(parameter, cancellationToken).IsEmpty)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An assignment target that can be an entry's storage: a marked member, a pointer, a reference, a span element.</summary>
    public static bool MayBeEntryStorage(IOperation target, FlowContext flowContext, CancellationToken cancellationToken) => target switch
    {
        ILocalReferenceOperation local => local.Local.RefKind != RefKind.None,
        IParameterReferenceOperation parameter => parameter.Parameter.RefKind != RefKind.None && !flowContext.Sinks.Marked(parameter.Parameter, cancellationToken).IsEmpty,
        IFlowCaptureReferenceOperation => false,
        IArrayElementReferenceOperation { ArrayReference: IFieldReferenceOperation array } => !flowContext.Sinks.Marked(array.Field, cancellationToken).IsEmpty,
        IArrayElementReferenceOperation { ArrayReference: IPropertyReferenceOperation array } => !flowContext.Sinks.Marked(array.Property, cancellationToken).IsEmpty,
        IArrayElementReferenceOperation => false,
        IFieldReferenceOperation field => !flowContext.Sinks.Marked(field.Field, cancellationToken).IsEmpty,
        IPropertyReferenceOperation { Property.IsIndexer: true } => true,
        IPropertyReferenceOperation property => !flowContext.Sinks.Marked(property.Property, cancellationToken).IsEmpty,
        IInvocationOperation => true,
        _ => target.Kind == OperationKind.None,
    };

}
