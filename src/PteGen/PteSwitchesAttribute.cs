using System;

namespace PteGen
{
    /// <summary>
    /// Marks a <c>[Flags]</c> enum whose single-bit members are configuration switches (for example a debug build or
    /// protection keys). Every combination of switches is a configuration, except combinations ruled out by
    /// <see cref="MutuallyExclusiveAttribute"/>.
    /// </summary>
    [AttributeUsage(AttributeTargets.Enum, AllowMultiple = false, Inherited = false)]
    public sealed class PteSwitchesAttribute : Attribute
    {
    }
}
