using System.Globalization;
using System.Text;
using System.Xml;

namespace Creatio.AccessControl.Cli;

/// <summary>Writes test results as JUnit XML, the format CI servers read: one <c>testsuite</c> per test file, one
/// <c>testcase</c> per case, a <c>failure</c> for a failed case and an <c>error</c> for a file that could not be run.</summary>
internal static class JUnitReport
{
    private static readonly XmlWriterSettings s_settings = new()
    {
        Indent = true,
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        NewLineChars = "\n",
    };

    /// <summary>Writes the report to a file, creating its folder.</summary>
    /// <exception cref="UsageException">The file cannot be written.</exception>
    public static void Write(string path, IReadOnlyList<TestFileResult> files, TimeSpan total)
    {
        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
            {
                Directory.CreateDirectory(directory);
            }

            using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
            Write(stream, files, total);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new UsageException($"`test`: cannot write the JUnit report `{path}`: {exception.Message}", exception);
        }
    }

    /// <summary>Writes the report to a stream.</summary>
    public static void Write(Stream stream, IReadOnlyList<TestFileResult> files, TimeSpan total)
    {
        using XmlWriter xml = XmlWriter.Create(stream, s_settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", $"{CliApp.ToolName} test");
        xml.WriteAttributeString("tests", Number(files.Sum(f => f.Ran ? f.Cases.Count : 1)));
        xml.WriteAttributeString("failures", Number(files.Sum(f => f.Failed)));
        xml.WriteAttributeString("errors", Number(files.Count(f => !f.Ran)));
        xml.WriteAttributeString("time", Seconds(total));
        foreach (TestFileResult file in files)
        {
            WriteSuite(xml, file);
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteSuite(XmlWriter xml, TestFileResult file)
    {
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", file.File);
        xml.WriteAttributeString("tests", Number(file.Ran ? file.Cases.Count : 1));
        xml.WriteAttributeString("failures", Number(file.Failed));
        xml.WriteAttributeString("errors", Number(file.Ran ? 0 : 1));
        xml.WriteAttributeString("skipped", "0");
        xml.WriteAttributeString("time", Seconds(file.Time));
        xml.WriteAttributeString("timestamp", file.StartedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        if (!file.Ran)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("classname", file.File);
            xml.WriteAttributeString("name", "(test file)");
            xml.WriteAttributeString("time", Seconds(file.Time));
            xml.WriteStartElement("error");
            xml.WriteAttributeString("message", $"{file.ProblemSource}: {PolicyFiles.Plural(file.Problems.Count, "problem")}");
            xml.WriteAttributeString("type", file.Problem == ExitCodes.Usage ? "Unreadable" : "Invalid");
            xml.WriteString(string.Join('\n', file.Problems));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        foreach (TestCaseResult result in file.Cases)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("classname", file.File);
            xml.WriteAttributeString("name", $"[{result.Case.Index}] {result.Case.Description}");
            xml.WriteAttributeString("time", Seconds(result.Time));
            xml.WriteAttributeString("file", file.File);
            xml.WriteAttributeString("line", Number(result.Case.Line));
            if (!result.Passed)
            {
                xml.WriteStartElement("failure");
                xml.WriteAttributeString("message", result.Message);
                xml.WriteAttributeString("type", result.Failure.ToString());
                xml.WriteString(string.Join('\n', result.Details));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
}
