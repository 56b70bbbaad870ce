// netstandard2.0 lacks the marker type the compiler needs for records and init accessors. Declared here rather than
// through a polyfill generator, whose output order varies between compiler runs and made this assembly
// non-deterministic.
namespace System.Runtime.CompilerServices;

internal static class IsExternalInit
{
}
