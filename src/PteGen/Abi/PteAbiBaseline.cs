// Compiled into both PteGen.dll (public) and the generator (internal); the part that reads generated descriptors is
// runtime-only, as the generator has no descriptors.
using System;
using System.Collections.Generic;
using System.Text;

namespace PteGen
{
    /// <summary>The text of <c>PteAbi.Shipped.txt</c> and <c>PteAbi.Unshipped.txt</c>: writing it, reading it line by line.</summary>
#if PTEGEN_GENERATOR
    internal
#else
    public
#endif
    static class PteAbiBaseline
    {
        /// <summary>The file of the ABI that has shipped: a difference from it is a break.</summary>
        public const string ShippedFileName = "PteAbi.Shipped.txt";

        /// <summary>The file of additions accepted since the last release.</summary>
        public const string UnshippedFileName = "PteAbi.Unshipped.txt";

        /// <summary>The page that documents the format and the rules.</summary>
        public const string FormatHelpLink = "https://github.com/ptegen/ptegen/blob/main/docs/abi-baseline.md";

        /// <summary>The comment line every written file starts with.</summary>
        public const string Header = "# PteGen ABI baseline: one line per claim per valid configuration; see " + FormatHelpLink;

        /// <summary>
        /// The text of a baseline file holding <paramref name="facts"/>: <see cref="Header"/>, then the lines sorted
        /// ordinally without duplicates, each ended by <c>\n</c>.
        /// </summary>
        /// <param name="facts">The facts, in any order.</param>
        public static string Write(IEnumerable<PteAbiFact> facts)
        {
            if (facts is null)
            {
                throw new ArgumentNullException(nameof(facts));
            }

            var lines = new List<string>();
            foreach (var fact in facts)
            {
                lines.Add(fact.ToLine());
            }

            lines.Sort(StringComparer.Ordinal);
            var text = new StringBuilder(Header).Append('\n');
            string? previous = null;
            foreach (var line in lines)
            {
                if (!string.Equals(line, previous, StringComparison.Ordinal))
                {
                    text.Append(line).Append('\n');
                    previous = line;
                }
            }

            return text.ToString();
        }

        /// <summary>Whether a line of a baseline file holds no fact: blank, or a comment starting with <c>#</c>.</summary>
        /// <param name="line">The line, without its line break.</param>
        public static bool IsSkipped(string line)
        {
            var text = (line ?? "").Trim();
            return text.Length == 0 || text[0] == '#';
        }

        /// <summary>
        /// Reads a baseline file: every line that is not skipped (<see cref="IsSkipped"/>), with its fact or the reason
        /// it is not one. Lines end at <c>\r\n</c>, <c>\n</c> or <c>\r</c>.
        /// </summary>
        /// <param name="text">The file's text.</param>
        public static IReadOnlyList<PteAbiBaselineLine> Read(string text)
        {
            var result = new List<PteAbiBaselineLine>();
            var source = text ?? "";
            var index = 0;
            var start = 0;
            for (var position = 0; position <= source.Length; position++)
            {
                var atEnd = position == source.Length;
                if (!atEnd && source[position] != '\n' && source[position] != '\r')
                {
                    continue;
                }

                var line = source.Substring(start, position - start);
                if (!IsSkipped(line))
                {
                    result.Add(PteAbiFact.TryParse(line, out var fact, out var error)
                        ? new PteAbiBaselineLine(index, line, fact, null)
                        : new PteAbiBaselineLine(index, line, null, error));
                }

                if (!atEnd && source[position] == '\r' && position + 1 < source.Length && source[position + 1] == '\n')
                {
                    position++;
                }

                start = position + 1;
                index++;
            }

            return result;
        }

#if !PTEGEN_GENERATOR
        /// <summary>The facts of a layout: every field active in every valid configuration of its descriptor.</summary>
        /// <param name="descriptor">The layout's generated descriptor.</param>
        /// <param name="layoutFullName">The layout's namespace-qualified C# name without <c>global::</c>, e.g. <c>XenPv.L1e</c>.</param>
        public static IReadOnlyList<PteAbiFact> Facts(PteLayoutDescriptor descriptor, string layoutFullName)
        {
            if (descriptor is null)
            {
                throw new ArgumentNullException(nameof(descriptor));
            }

            if (layoutFullName is null)
            {
                throw new ArgumentNullException(nameof(layoutFullName));
            }

            var facts = new List<PteAbiFact>();
            foreach (var configuration in descriptor.ValidConfigurations)
            {
                var configurationName = descriptor.FormatConfiguration(configuration);
                foreach (var field in descriptor.FieldsIn(configuration))
                {
                    facts.Add(new PteAbiFact(
                        layoutFullName,
                        configurationName,
                        field.Low,
                        field.High,
                        field.Name,
                        field.Owner,
                        field.Role,
                        field.GuestRefused,
                        field.When));
                }
            }

            return facts;
        }
#endif
    }
}
