using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using PteGen.Tool.Formats;
using PteGen.Tool.Model;

namespace PteGen.Tool.Loading;

/// <summary>
/// Reads an ABI JSON file (<c>--format json</c>, <c>docs/abi-json.md</c>) back into layouts, rebuilding each descriptor,
/// so that <c>diff</c> (and <c>export</c>) take a JSON file wherever they take an assembly.
/// </summary>
internal static class AbiJsonReader
{
    public static ExportedAssembly Read(string path, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 16 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || String(root, "format", "") != AbiJson.FormatName)
            {
                throw Bad(path, $"'format' is not \"{AbiJson.FormatName}\"");
            }

            var version = Int(root, "version", "");
            if (version < 1 || version > AbiJson.Version)
            {
                throw Bad(path, $"version {version.ToString(CultureInfo.InvariantCulture)} is not one this tool reads (1 to {AbiJson.Version.ToString(CultureInfo.InvariantCulture)})");
            }

            var layouts = new List<ExportedLayout>();
            var index = 0;
            foreach (var layout in Array(root, "layouts", ""))
            {
                layouts.Add(ReadLayout(path, layout, $"layouts[{index.ToString(CultureInfo.InvariantCulture)}]"));
                index++;
            }

            if (layouts.Count == 0)
            {
                throw ToolException.Input($"{Quote.Text(path)} holds no layouts.");
            }

            return new ExportedAssembly(String(root, "assembly", ""), layouts);
        }
        catch (JsonException exception)
        {
            throw Bad(path, exception.Message);
        }
        catch (ArgumentException exception)
        {
            // A descriptor constructor refused a value (a bit range outside 0-63).
            throw Bad(path, exception.Message);
        }
    }

    private static ExportedLayout ReadLayout(string path, JsonElement layout, string where)
    {
        var fullName = String(layout, "name", where);
        var simpleName = String(layout, "simpleName", where);
        var noSwitches = String(layout, "noSwitchesName", where);
        var switches = Array(layout, "switches", where)
            .Select((item, position) => new PteSwitchDescriptor(String(item, "name", $"{where}.switches[{position}]"), Value(path, item, "value", $"{where}.switches[{position}]")))
            .ToArray();

        var configurations = new Dictionary<string, ulong>(StringComparer.Ordinal);
        var values = new List<ulong>();
        foreach (var (item, position) in Array(layout, "configurations", where).Select((item, position) => (item, position)))
        {
            var at = $"{where}.configurations[{position}]";
            var value = Value(path, item, "value", at);
            if (!configurations.TryAdd(String(item, "name", at), value))
            {
                throw Bad(path, $"{at}: the configuration name appears twice");
            }

            values.Add(value);
        }

        values.Sort();
        var fields = new List<PteFieldDescriptor>();
        var docs = new Dictionary<string, DocText>(StringComparer.Ordinal);
        foreach (var (item, position) in Array(layout, "fields", where).Select((item, position) => (item, position)))
        {
            var at = $"{where}.fields[{position}]";
            var name = String(item, "name", at);
            var active = new List<ulong>();
            foreach (var configuration in Array(item, "configurations", at))
            {
                var configurationName = configuration.ValueKind == JsonValueKind.String ? configuration.GetString()! : throw Bad(path, $"{at}.configurations: not a string");
                active.Add(configurations.TryGetValue(configurationName, out var value)
                    ? value
                    : throw Bad(path, $"{at}: {Quote.Text(configurationName)} is not one of the layout's configurations"));
            }

            active.Sort();
            var guestWrite = String(item, "guestWrite", at);
            if (guestWrite is not (AbiJson.Allowed or AbiJson.Refused))
            {
                throw Bad(path, $"{at}.guestWrite: {Quote.Text(guestWrite)} is not \"{AbiJson.Allowed}\" or \"{AbiJson.Refused}\"");
            }

            fields.Add(new PteFieldDescriptor(
                name,
                Int(item, "low", at),
                Int(item, "high", at),
                Enum<PteOwner>(path, item, "owner", at),
                Enum<PteRole>(path, item, "role", at),
                String(item, "when", at),
                active.ToArray(),
                guestRefused: guestWrite == AbiJson.Refused,
                relocatable: Bool(item, "relocatable", at),
                optional: Bool(item, "optional", at)));
            if (OptionalString(item, "summary") is { Length: > 0 } summary)
            {
                docs[name] = Plain(summary);
            }
        }

        var switchDocs = new Dictionary<string, DocText>(StringComparer.Ordinal);
        foreach (var item in Array(layout, "switches", where))
        {
            if (OptionalString(item, "summary") is { Length: > 0 } summary)
            {
                switchDocs[String(item, "name", where)] = Plain(summary);
            }
        }

        var descriptor = new PteLayoutDescriptor(simpleName, Int(layout, "level", where), noSwitches, switches, values.ToArray(), fields.ToArray());
        var ns = String(layout, "namespace", where);
        if (ns.Length > 0 && !fullName.StartsWith(ns + ".", StringComparison.Ordinal))
        {
            throw Bad(path, $"{where}: the name {Quote.Text(fullName)} is not in the namespace {Quote.Text(ns)}");
        }

        var typeName = ns.Length == 0 ? fullName : fullName.Substring(ns.Length + 1);
        var summaryText = OptionalString(layout, "summary");
        var documentation = new LayoutDocumentation(
            summaryText is { Length: > 0 } ? Plain(summaryText) : null,
            null,
            docs,
            switchDocs,
            OptionalString(layout, "switchesType"));
        return new ExportedLayout(ns, typeName, descriptor, documentation);
    }

    private static DocText Plain(string text) =>
        new(text.Split("\n\n").SelectMany((paragraph, index) => index == 0
            ? new[] { new DocSpan(DocSpanKind.Text, paragraph) }
            : new[] { new DocSpan(DocSpanKind.Break, ""), new DocSpan(DocSpanKind.Text, paragraph) }).ToList());

    private static JsonElement Property(JsonElement element, string name, string where)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"{Where(where)}is not an object");
        }

        return element.TryGetProperty(name, out var value) ? value : throw new JsonException($"{Where(where)}'{name}' is missing");
    }

    private static string String(JsonElement element, string name, string where) =>
        Property(element, name, where) is { ValueKind: JsonValueKind.String } value ? value.GetString()! : throw new JsonException($"{Where(where)}'{name}' is not a string");

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int Int(JsonElement element, string name, string where) =>
        Property(element, name, where) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var number)
            ? number
            : throw new JsonException($"{Where(where)}'{name}' is not an integer");

    private static bool Bool(JsonElement element, string name, string where) =>
        Property(element, name, where).ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new JsonException($"{Where(where)}'{name}' is not true or false"),
        };

    private static IEnumerable<JsonElement> Array(JsonElement element, string name, string where) =>
        Property(element, name, where) is { ValueKind: JsonValueKind.Array } value ? value.EnumerateArray() : throw new JsonException($"{Where(where)}'{name}' is not an array");

    private static ulong Value(string path, JsonElement element, string name, string where)
    {
        var text = String(element, name, where);
        return text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && text.Length > 2
            && ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Bad(path, $"{where}.{name}: {Quote.Text(text)} is not a hex value such as \"0x1\"");
    }

    private static T Enum<T>(string path, JsonElement element, string name, string where)
        where T : struct, System.Enum
    {
        var text = String(element, name, where);
        return System.Enum.GetNames<T>().Contains(text, StringComparer.Ordinal)
            ? System.Enum.Parse<T>(text)
            : throw Bad(path, $"{where}.{name}: {Quote.Text(text)} is not one of {string.Join(", ", System.Enum.GetNames<T>())}");
    }

    private static string Where(string where) => where.Length == 0 ? "" : where + ": ";

    private static ToolException Bad(string path, string problem) =>
        ToolException.Input($"{Quote.Text(path)} is not a valid PteGen ABI JSON file ({AbiJson.SchemaLink}): {problem.TrimEnd('.')}.");
}
