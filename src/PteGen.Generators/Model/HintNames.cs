using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PteGen.Generators.Helpers;

namespace PteGen.Generators.Model;

/// <summary>
/// The generated file name of each layout. A compilation's hint names must differ ignoring case, but C# type names
/// need not: <c>Entry</c> and <c>ENTRY</c> are two layouts. The ordinally first of such a group keeps its plain name,
/// the others get <c>.2</c>, <c>.3</c>… before <c>.g.cs</c>. A type name never starts with a digit, so no plain name
/// looks like a numbered one.
/// </summary>
internal static class HintNames
{
    private const string Extension = ".g.cs";

    /// <summary>The file name of each layout, by its plain hint name, for the set of layouts in the compilation.</summary>
    public static EquatableDictionary Assign(IEnumerable<string> plainHintNames)
    {
        var assigned = new List<KeyValuePair<string, string>>();
        foreach (var group in plainHintNames.Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).GroupBy(n => n, StringComparer.OrdinalIgnoreCase))
        {
            var number = 1;
            foreach (var name in group)
            {
                assigned.Add(new KeyValuePair<string, string>(
                    name,
                    number == 1 ? name : name.Substring(0, name.Length - Extension.Length) + "." + number.ToString(CultureInfo.InvariantCulture) + Extension));
                number++;
            }
        }

        return new EquatableDictionary(assigned);
    }

    /// <summary>Whether <paramref name="fileName"/> is the generated file of the layout whose plain hint name is <paramref name="hintName"/>.</summary>
    public static bool IsFileOf(string fileName, string hintName)
    {
        if (string.Equals(fileName, hintName, StringComparison.Ordinal))
        {
            return true;
        }

        var stem = hintName.Substring(0, hintName.Length - Extension.Length) + ".";
        if (!fileName.StartsWith(stem, StringComparison.Ordinal) || !fileName.EndsWith(Extension, StringComparison.Ordinal))
        {
            return false;
        }

        var number = fileName.Substring(stem.Length, fileName.Length - stem.Length - Extension.Length);
        return number.Length > 0 && number.All(c => c is >= '0' and <= '9');
    }

    /// <summary>Plain-hint-name → file-name pairs, compared by content so the pipeline can cache it.</summary>
    internal sealed class EquatableDictionary : IEquatable<EquatableDictionary>
    {
        private readonly Dictionary<string, string> _map;
        private readonly KeyValuePair<string, string>[] _pairs;

        public EquatableDictionary(IEnumerable<KeyValuePair<string, string>> pairs)
        {
            _pairs = pairs.ToArray();
            _map = _pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        }

        public string FileFor(string plainHintName) => _map.TryGetValue(plainHintName, out var file) ? file : plainHintName;

        public bool Equals(EquatableDictionary? other) =>
            other is not null && _pairs.Length == other._pairs.Length && _pairs.SequenceEqual(other._pairs);

        public override bool Equals(object? obj) => Equals(obj as EquatableDictionary);

        public override int GetHashCode() => _pairs.Length;
    }
}
