using System;

namespace PteGen
{
    /// <summary>
    /// Declares that at most one of the given switches can be on at a time; configurations with two or more of them
    /// are not valid and are never checked or generated for.
    /// </summary>
    /// <example><c>[MutuallyExclusive(XenConfig.Debug, XenConfig.Pke)]</c></example>
    [AttributeUsage(AttributeTargets.Enum, AllowMultiple = true, Inherited = false)]
    public sealed class MutuallyExclusiveAttribute : Attribute
    {
        /// <summary>Declares the switches of which at most one can be on.</summary>
        /// <param name="switches">Members of the enum this attribute is applied to.</param>
        public MutuallyExclusiveAttribute(params object[] switches)
        {
            Switches = switches;
        }

        /// <summary>The switches of which at most one can be on.</summary>
        public object[] Switches { get; }
    }
}
