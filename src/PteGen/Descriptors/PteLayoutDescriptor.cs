using System;
using System.Collections.Generic;
using System.Text;

namespace PteGen
{
    /// <summary>
    /// A static description of a generated layout (its fields, owners, conditions and valid configurations), so that
    /// tools can print, document and decode entries without reflection. Each generated entry exposes one as
    /// <c>Descriptor</c>.
    /// </summary>
    public sealed class PteLayoutDescriptor
    {
        private readonly PteSwitchDescriptor[] _switches;
        private readonly ulong[] _validConfigurations;
        private readonly PteFieldDescriptor[] _fields;

        /// <summary>Creates a layout descriptor (generated code calls this).</summary>
        /// <param name="name">The layout type name.</param>
        /// <param name="level">The paging level, or 0.</param>
        /// <param name="noSwitchesName">The name of the configuration with no switch on (the enum's zero member, or <c>None</c>).</param>
        /// <param name="switches">The configuration switches.</param>
        /// <param name="validConfigurations">Every valid configuration, in ascending order.</param>
        /// <param name="fields">The declared fields, in declaration order.</param>
        public PteLayoutDescriptor(
            string name,
            int level,
            string noSwitchesName,
            PteSwitchDescriptor[] switches,
            ulong[] validConfigurations,
            PteFieldDescriptor[] fields)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            Level = level;
            NoSwitchesName = noSwitchesName ?? throw new ArgumentNullException(nameof(noSwitchesName));
            _switches = (PteSwitchDescriptor[])(switches ?? throw new ArgumentNullException(nameof(switches))).Clone();
            _validConfigurations = (ulong[])(validConfigurations ?? throw new ArgumentNullException(nameof(validConfigurations))).Clone();
            _fields = (PteFieldDescriptor[])(fields ?? throw new ArgumentNullException(nameof(fields))).Clone();
        }

        /// <summary>The layout type name.</summary>
        public string Name { get; }

        /// <summary>The paging level (1 to 4), or 0 when the layout is not tied to a level.</summary>
        public int Level { get; }

        /// <summary>The name of the configuration in which no switch is on.</summary>
        public string NoSwitchesName { get; }

        /// <summary>The configuration switches (empty for a layout without a switches type).</summary>
        public IReadOnlyList<PteSwitchDescriptor> Switches => _switches;

        /// <summary>Every valid configuration, in ascending order.</summary>
        public IReadOnlyList<ulong> ValidConfigurations => _validConfigurations;

        /// <summary>The declared fields, in declaration order.</summary>
        public IReadOnlyList<PteFieldDescriptor> Fields => _fields;

        /// <summary>Whether <paramref name="configuration"/> is a valid configuration of this layout.</summary>
        /// <param name="configuration">A configuration (the switches enum value, as a number).</param>
        public bool IsValidConfiguration(ulong configuration) => Array.IndexOf(_validConfigurations, configuration) >= 0;

        /// <summary>The field that owns <paramref name="bit"/> in <paramref name="configuration"/>.</summary>
        /// <param name="bit">The bit number, 0 to 63.</param>
        /// <param name="configuration">A valid configuration.</param>
        /// <returns>The owning field; <see langword="null"/> only when <paramref name="configuration"/> is not valid.</returns>
        public PteFieldDescriptor? FieldAt(int bit, ulong configuration)
        {
            if ((uint)bit > 63)
            {
                throw new ArgumentOutOfRangeException(nameof(bit), bit, "A bit number is 0 to 63.");
            }

            foreach (var field in _fields)
            {
                if (field.Low <= bit && bit <= field.High && field.IsActiveIn(configuration))
                {
                    return field;
                }
            }

            return null;
        }

        /// <summary>The fields active in <paramref name="configuration"/>, in declaration order.</summary>
        /// <param name="configuration">A configuration.</param>
        public IEnumerable<PteFieldDescriptor> FieldsIn(ulong configuration)
        {
            foreach (var field in _fields)
            {
                if (field.IsActiveIn(configuration))
                {
                    yield return field;
                }
            }
        }

        /// <summary>The bits owned by <paramref name="owner"/> in <paramref name="configuration"/>.</summary>
        /// <param name="owner">The owner.</param>
        /// <param name="configuration">A configuration.</param>
        public ulong BitsOwnedBy(PteOwner owner, ulong configuration)
        {
            ulong bits = 0;
            foreach (var field in _fields)
            {
                if (field.Owner == owner && field.IsActiveIn(configuration))
                {
                    bits |= field.Mask;
                }
            }

            return bits;
        }

        /// <summary>The bits a guest entry may not have set in <paramref name="configuration"/>.</summary>
        /// <param name="configuration">A configuration.</param>
        public ulong GuestRefusedBits(ulong configuration)
        {
            ulong bits = 0;
            foreach (var field in _fields)
            {
                if (field.GuestRefused && field.IsActiveIn(configuration))
                {
                    bits |= field.Mask;
                }
            }

            return bits;
        }

        /// <summary>Formats a configuration as its switch names joined by <c>|</c> (for example <c>Debug|Pke</c>).</summary>
        /// <param name="configuration">A configuration.</param>
        public string FormatConfiguration(ulong configuration)
        {
            if (configuration == 0)
            {
                return NoSwitchesName;
            }

            var text = new StringBuilder();
            var rest = configuration;
            foreach (var item in _switches)
            {
                if ((configuration & item.Value) != 0)
                {
                    if (text.Length > 0)
                    {
                        text.Append('|');
                    }

                    text.Append(item.Name);
                    rest &= ~item.Value;
                }
            }

            if (rest != 0)
            {
                if (text.Length > 0)
                {
                    text.Append('|');
                }

                text.Append("0x").Append(rest.ToString("x"));
            }

            return text.ToString();
        }

        /// <summary>
        /// Parses switch names separated by <c>,</c>, <c>;</c>, <c>|</c> or spaces (case-insensitive); an empty text or
        /// the no-switches name means no switch on.
        /// </summary>
        /// <param name="text">The switch names, for example <c>Debug,Pke</c>.</param>
        /// <param name="configuration">The configuration, when every name is a switch of this layout.</param>
        /// <param name="unknownName">The first name that is not a switch of this layout, when parsing fails.</param>
        public bool TryParseConfiguration(string text, out ulong configuration, out string? unknownName)
        {
            configuration = 0;
            unknownName = null;
            foreach (var part in (text ?? "").Split(new[] { ',', ';', '|', ' ' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var name = part.Trim();
                if (string.Equals(name, NoSwitchesName, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var found = false;
                foreach (var item in _switches)
                {
                    if (string.Equals(item.Name, name, StringComparison.OrdinalIgnoreCase))
                    {
                        configuration |= item.Value;
                        found = true;
                        break;
                    }
                }

                if (!found)
                {
                    unknownName = name;
                    configuration = 0;
                    return false;
                }
            }

            return true;
        }

        /// <inheritdoc/>
        public override string ToString() => Level == 0 ? Name : $"{Name} (level {Level})";
    }
}
