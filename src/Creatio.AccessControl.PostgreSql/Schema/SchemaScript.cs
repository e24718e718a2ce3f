using System.Globalization;
using System.Reflection;

namespace Creatio.AccessControl.PostgreSql;

/// <summary>One versioned schema script: <c>Schema/NNNN_description.sql</c>, embedded in the assembly.</summary>
/// <param name="Version">The schema version the script makes.</param>
/// <param name="Description">What it does, from its file name.</param>
/// <param name="Sql">Its text.</param>
internal sealed record SchemaScript(int Version, string Description, string Sql)
{
    private const string Prefix = "Creatio.AccessControl.PostgreSql.Schema.";

    /// <summary>Gets the package's scripts, by version.</summary>
    public static IReadOnlyList<SchemaScript> Embedded { get; } = ReadEmbedded();

    private static SchemaScript[] ReadEmbedded()
    {
        Assembly assembly = typeof(SchemaScript).Assembly;
        var scripts = new List<SchemaScript>();
        foreach (string name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(Prefix, StringComparison.Ordinal) || !name.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            string file = name[Prefix.Length..^".sql".Length];
            int separator = file.IndexOf('_', StringComparison.Ordinal);
            int version = int.Parse(file.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture);
            using Stream stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            scripts.Add(new SchemaScript(version, file[(separator + 1)..].Replace('_', ' '), reader.ReadToEnd()));
        }

        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (int i = 0; i < scripts.Count; i++)
        {
            if (scripts[i].Version != i + 1)
            {
                throw new InvalidOperationException($"The schema scripts are not numbered 1, 2, …: script {i + 1} is `{scripts[i].Version}`.");
            }
        }

        return [.. scripts];
    }
}
