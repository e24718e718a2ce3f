using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Creatio.AccessControl.Cli;

/// <summary>Writes JSON output with <see cref="Utf8JsonWriter"/>: no reflection, so the tool stays trimming- and AOT-friendly.</summary>
internal static class Json
{
    private static readonly JsonWriterOptions s_options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, s_options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
