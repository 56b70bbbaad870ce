using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PteGen.Tool.Model;

namespace PteGen.Tool.Formats;

/// <summary>
/// <c>--format json</c>: the machine-readable ABI (schema: <c>docs/abi-json.md</c>). 64-bit values are strings
/// (<c>"0x0010000000000000"</c>), since JSON numbers lose precision beyond 2^53 in most readers.
/// </summary>
internal static class JsonExporter
{
    public static string Write(ExportedAssembly assembly)
    {
        using var stream = new MemoryStream();
        var options = new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var json = new Utf8JsonWriter(stream, options))
        {
            json.WriteStartObject();
            json.WriteString("$schema", AbiJson.SchemaLink);
            json.WriteString("format", AbiJson.FormatName);
            json.WriteNumber("version", AbiJson.Version);
            json.WriteString("assembly", assembly.Name);
            json.WriteStartArray("layouts");
            foreach (var layout in assembly.Layouts)
            {
                WriteLayout(json, layout);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteLayout(Utf8JsonWriter json, ExportedLayout layout)
    {
        var descriptor = layout.Descriptor;
        var map = layout.BitMap;
        var docs = layout.Documentation;
        json.WriteStartObject();
        json.WriteString("name", layout.FullName);
        json.WriteString("namespace", layout.Namespace);
        json.WriteString("simpleName", layout.SimpleName);
        json.WriteNumber("level", descriptor.Level);
        WriteText(json, "summary", docs.Summary);
        if (docs.SwitchesTypeName is { } switchesType)
        {
            json.WriteString("switchesType", switchesType);
        }
        else
        {
            json.WriteNull("switchesType");
        }

        json.WriteString("noSwitchesName", descriptor.NoSwitchesName);
        json.WriteStartArray("switches");
        foreach (var item in descriptor.Switches)
        {
            json.WriteStartObject();
            json.WriteString("name", item.Name);
            json.WriteString("value", Hex.Short(item.Value));
            WriteText(json, "summary", docs.Switch(item.Name));
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("configurations");
        for (var position = 0; position < map.Configurations.Count; position++)
        {
            var configuration = map.Configurations[position];
            json.WriteStartObject();
            json.WriteString("name", map.ConfigurationNames[position]);
            json.WriteString("value", Hex.Short(configuration));
            json.WriteString("hardwareBits", Hex.Mask(descriptor.BitsOwnedBy(PteOwner.Hardware, configuration)));
            json.WriteString("xenReservedBits", Hex.Mask(descriptor.BitsOwnedBy(PteOwner.XenReserved, configuration)));
            json.WriteString("guestAvailableBits", Hex.Mask(descriptor.BitsOwnedBy(PteOwner.GuestAvailable, configuration)));
            json.WriteString("guestRefusedBits", Hex.Mask(descriptor.GuestRefusedBits(configuration)));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("configurationDependentBits", Hex.Mask(map.ConfigurationDependentBits));

        json.WriteStartArray("fields");
        foreach (var field in descriptor.Fields)
        {
            json.WriteStartObject();
            json.WriteString("name", field.Name);
            json.WriteNumber("low", field.Low);
            json.WriteNumber("high", field.High);
            json.WriteNumber("width", field.Width);
            json.WriteString("mask", Hex.Mask(field.Mask));
            json.WriteString("owner", field.Owner.ToString());
            json.WriteString("role", field.Role.ToString());
            json.WriteString("when", field.When);
            json.WriteString("guestWrite", field.GuestRefused ? AbiJson.Refused : AbiJson.Allowed);
            json.WriteBoolean("relocatable", field.Relocatable);
            json.WriteBoolean("optional", field.Optional);
            json.WriteStartArray("configurations");
            foreach (var configuration in field.ActiveConfigurations)
            {
                json.WriteStringValue(descriptor.FormatConfiguration(configuration));
            }

            json.WriteEndArray();
            WriteText(json, "summary", docs.Field(field.Name));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteText(Utf8JsonWriter json, string name, Loading.DocText? text)
    {
        if (text is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, text.ToPlainText());
        }
    }
}
