using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Creatio.AccessControl.Serialization;

/// <summary>Reads and writes a whole <see cref="AccessModel"/> as one JSON policy document.</summary>
/// <remarks>
/// <para>The document is an object with <c>formatVersion</c> (<see cref="FormatVersion"/>) and one member per list of
/// the model — <c>settings</c>, <c>users</c>, <c>roles</c>, <c>memberships</c>, <c>functionalLinks</c>,
/// <c>delegations</c>, <c>rolesNotInheritedByManagers</c>, <c>objects</c>, <c>objectOperationRows</c>,
/// <c>columnRightRows</c>, <c>records</c>, <c>recordRightRows</c>, <c>defaultRecordRightRules</c>,
/// <c>systemOperations</c>, <c>systemOperationRows</c>, <c>workplaces</c>, <c>supportGrants</c> — with camel-cased
/// member names, enums by name, object operations as arrays of names, ids as GUID strings, instants as ISO 8601 with
/// an offset and dates (of support grants) as <c>yyyy-MM-dd</c>. A member left out takes the model's default. The
/// package ships its JSON Schema as <c>schemas/access-policy.v1.schema.json</c>; a document may name it in a top-level
/// <c>"$schema"</c> string, which editors read and this library ignores (and never writes).</para>
/// <para>Reading is strict: unknown members, wrong JSON types, missing required members, unknown enum names, malformed
/// GUIDs, instants or dates and unsupported format versions are refused, and so is everything
/// <see cref="AccessModelBuilder.Build"/> refuses. Every problem is reported at once in one
/// <see cref="AccessModelValidationException"/>, each <see cref="AccessModelError"/> with the JSON path and 1-based
/// line of the offending value (<see cref="AccessModelError.Path"/>, <see cref="AccessModelError.Line"/>); past
/// <see cref="AccessModelValidationException.MaxReportedErrors"/> problems the rest are counted
/// (<see cref="AccessModelValidationException.TotalErrorCount"/>), not described. Problems of the document's shape and of
/// the model it describes are reported in one pass, those of shape first: a row with a problem of shape (a bad value, a
/// missing member) is left out of the model that is validated, and a reference to what it defines is not reported
/// again; a member the format does not have is left out alone. Strings must be Unicode text: an
/// escaped half of a surrogate pair (<c>"\ud800"</c>) is refused, and so is a document string holding one.</para>
/// <para>Writing is deterministic: the same model always gives the same bytes, and reading a written document back
/// gives a model that writes the same bytes again.</para>
/// <para>This type is stateless and safe for concurrent use.</para>
/// </remarks>
public static class AccessPolicyJson
{
    /// <summary>The version of the document format this library writes and reads.</summary>
    public const int FormatVersion = 1;

    private static readonly AccessPolicyJsonOptions s_defaultOptions = new();

    private static readonly JsonWriterOptions s_writerOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
#if NET9_0_OR_GREATER
        NewLine = "\n",
#endif
    };

    /// <summary>Writes a model as a policy document.</summary>
    /// <param name="model">The model.</param>
    /// <returns>The indented JSON document, ending with a line feed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is <see langword="null"/>.</exception>
    public static string Serialize(AccessModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using PolicyDocumentBuffer buffer = SerializeToUtf8(model);
        return buffer.Decode();
    }

    /// <summary>Writes a model as a policy document to a stream, in UTF-8 without a byte order mark.</summary>
    /// <param name="utf8Json">The stream to write to; it is left open.</param>
    /// <param name="model">The model.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> or <paramref name="model"/> is <see langword="null"/>.</exception>
    public static void Serialize(Stream utf8Json, AccessModel model)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(model);
        using PolicyDocumentBuffer buffer = SerializeToUtf8(model);
        foreach (ReadOnlyMemory<byte> segment in buffer.Segments())
        {
            utf8Json.Write(segment.Span);
        }
    }

    /// <summary>Writes a model as a policy document to a stream, in UTF-8 without a byte order mark.</summary>
    /// <param name="utf8Json">The stream to write to; it is left open.</param>
    /// <param name="model">The model.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the document is written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> or <paramref name="model"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static async Task SerializeAsync(Stream utf8Json, AccessModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(model);
        using PolicyDocumentBuffer buffer = SerializeToUtf8(model);
        foreach (ReadOnlyMemory<byte> segment in buffer.Segments())
        {
            await utf8Json.WriteAsync(segment, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads a policy document into a validated model, with the default options.</summary>
    /// <param name="json">The document.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="AccessModelValidationException">The document is too large, is not valid JSON, does not follow
    /// the format, or describes an invalid model; the exception lists every problem.</exception>
    public static AccessModel Deserialize(string json) => Deserialize(json, options: null);

    /// <summary>Reads a policy document into a validated model.</summary>
    /// <param name="json">The document.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="AccessModelValidationException">The document is too large, is not valid JSON, does not follow
    /// the format, or describes an invalid model; the exception lists every problem.</exception>
    public static AccessModel Deserialize(string json, AccessPolicyJsonOptions? options) => Read(Utf8Of(json, options));

    /// <summary>Reads a policy document into a validated model, and finds what the model holds that decides nothing.</summary>
    /// <param name="json">The document.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <param name="warnings">The warnings of the model (<see cref="AccessModelWarnings.Find"/>), each located in the
    /// document (<see cref="AccessModelWarning.Path"/>, <see cref="AccessModelWarning.Line"/>); empty when there are none.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="AccessModelValidationException">The document is too large, is not valid JSON, does not follow
    /// the format, or describes an invalid model; the exception lists every problem.</exception>
    public static AccessModel Deserialize(string json, AccessPolicyJsonOptions? options, out IReadOnlyList<AccessModelWarning> warnings) =>
        ReadWithWarnings(Utf8Of(json, options), out warnings);

    /// <summary>Reads a policy document from a stream of UTF-8 into a validated model, and finds what the model holds that
    /// decides nothing.</summary>
    /// <param name="utf8Json">The stream, read to its end (or until the document proves too large); it is left open.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <param name="warnings">The warnings of the model (<see cref="AccessModelWarnings.Find"/>), each located in the
    /// document (<see cref="AccessModelWarning.Path"/>, <see cref="AccessModelWarning.Line"/>); empty when there are none.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="AccessModelValidationException">The document is too large, is not valid JSON, does not follow
    /// the format, or describes an invalid model; the exception lists every problem.</exception>
    public static AccessModel Deserialize(Stream utf8Json, AccessPolicyJsonOptions? options, out IReadOnlyList<AccessModelWarning> warnings) =>
        ReadWithWarnings(ReadAll(utf8Json, options), out warnings);

    private static ReadOnlyMemory<byte> Utf8Of(string json, AccessPolicyJsonOptions? options)
    {
        ArgumentNullException.ThrowIfNull(json);
        int limit = (options ?? s_defaultOptions).MaxDocumentBytes;

        // UTF-8 never takes fewer bytes than UTF-16 code units, so a long string is refused without counting.
        if (json.Length > limit || Encoding.UTF8.GetByteCount(json) > limit)
        {
            throw PolicyDocumentInput.TooLarge(limit);
        }

        // Encoding would silently replace half a surrogate pair; the document is refused instead, like invalid UTF-8.
        int invalid = PolicyDocumentText.FindLoneSurrogate(json);
        if (invalid >= 0)
        {
            int lineStart = json.LastIndexOf('\n', Math.Max(invalid - 1, 0)) + 1;
            throw new AccessModelValidationException(
            [
                PolicyDocumentChecker.SyntaxError(
                    json.AsSpan(0, invalid).Count('\n') + 1,
                    Encoding.UTF8.GetByteCount(json.AsSpan(lineStart, invalid - lineStart)) + 1,
                    string.Create(CultureInfo.InvariantCulture, $"The document is not Unicode text: U+{(int)json[invalid]:X4} is half of a surrogate pair.")),
            ]);
        }

        return PolicyDocumentInput.WithoutByteOrderMark(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads a policy document from a stream of UTF-8 into a validated model, with the default options.</summary>
    /// <param name="utf8Json">The stream, read to its end (or until the document proves too large); it is left open.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="AccessModelValidationException">The document is too large, is not valid JSON, does not follow
    /// the format, or describes an invalid model; the exception lists every problem.</exception>
    public static AccessModel Deserialize(Stream utf8Json) => Deserialize(utf8Json, options: null);

    /// <summary>Reads a policy document from a stream of UTF-8 into a validated model.</summary>
    /// <param name="utf8Json">The stream, read to its end (or until the document proves too large); it is left open.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="AccessModelValidationException">The document is too large, is not valid JSON, does not follow
    /// the format, or describes an invalid model; the exception lists every problem.</exception>
    public static AccessModel Deserialize(Stream utf8Json, AccessPolicyJsonOptions? options) => Read(ReadAll(utf8Json, options));

    private static ReadOnlyMemory<byte> ReadAll(Stream utf8Json, AccessPolicyJsonOptions? options)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        var input = new PolicyDocumentInput(utf8Json, (options ?? s_defaultOptions).MaxDocumentBytes);
        Memory<byte> space;
        int read;
        while (!(space = input.FreeSpace()).IsEmpty && (read = utf8Json.Read(space.Span)) > 0)
        {
            input.Advance(read);
        }

        return input.Document();
    }

    /// <summary>Reads a policy document from a stream of UTF-8 into a validated model.</summary>
    /// <param name="utf8Json">The stream, read to its end (or until the document proves too large); it is left open.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="AccessModelValidationException">The document is too large, is not valid JSON, does not follow
    /// the format, or describes an invalid model; the exception lists every problem.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static async ValueTask<AccessModel> DeserializeAsync(Stream utf8Json, AccessPolicyJsonOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        var input = new PolicyDocumentInput(utf8Json, (options ?? s_defaultOptions).MaxDocumentBytes);
        Memory<byte> space;
        int read;
        while (!(space = input.FreeSpace()).IsEmpty && (read = await utf8Json.ReadAsync(space, cancellationToken).ConfigureAwait(false)) > 0)
        {
            input.Advance(read);
        }

        return Read(input.Document());
    }

    private static PolicyDocumentBuffer SerializeToUtf8(AccessModel model)
    {
        PolicyDocument document = PolicyDocumentMapper.ToDocument(model);
        var buffer = new PolicyDocumentBuffer();
        try
        {
            using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
            {
                JsonSerializer.Serialize(writer, document, PolicyJsonContext.Default.PolicyDocument);
            }

            buffer.Write("\n"u8);
            return buffer;
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    private static AccessModel ReadWithWarnings(ReadOnlyMemory<byte> utf8, out IReadOnlyList<AccessModelWarning> warnings)
    {
        AccessModel model = Read(utf8);
        warnings = PolicyErrorLocator.Locate(new PolicyDocumentText(utf8), AccessModelWarnings.Find(model));
        return model;
    }

    private static AccessModel Read(ReadOnlyMemory<byte> utf8)
    {
        var text = new PolicyDocumentText(utf8);
        PolicyDocument document = ReadClean(utf8) ?? CheckAndRead(text);
        try
        {
            return PolicyDocumentMapper.ToBuilder(document).Build();
        }
        catch (AccessModelValidationException exception)
        {
            throw new AccessModelValidationException(PolicyErrorLocator.Locate(text, exception));
        }
    }

    /// <summary>Reads a document in one pass when the checker would find nothing wrong with it; returns
    /// <see langword="null"/> (and leaves the reporting to <see cref="CheckAndRead"/>) otherwise.</summary>
    private static PolicyDocument? ReadClean(ReadOnlyMemory<byte> utf8)
    {
#if NET10_0_OR_GREATER
        if (!System.Text.Unicode.Utf8.IsValid(utf8.Span))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(utf8.Span, PolicyJsonReadContext.Default.PolicyDocument) is { } document
                && PolicyDocumentScreen.IsClean(document)
                ? document
                : null;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
#else
        // The deserializer of .NET 8 cannot refuse duplicate members, so every document goes through the checker.
        _ = utf8;
        return null;
#endif
    }

    /// <summary>Checks a document's shape and reads it; when its shape has problems, reports them with the problems of
    /// the rest of the document, in one pass.</summary>
    private static PolicyDocument CheckAndRead(PolicyDocumentText text)
    {
        PolicyDocumentCheck check = PolicyDocumentChecker.Check(text, PolicyJsonContext.Default);
        if (check.Errors.Count == 0)
        {
            // The checker accepts only documents the deserializer reads; the safety net is not a path tests reach.
            return Deserialize(text.Utf8, out JsonException? failure) ?? throw SafetyNet(failure!);
        }

        var errors = new AccessModelErrorList();
        foreach (AccessModelError error in check.Errors)
        {
            errors.Add(error);
        }

        errors.AddUnreported(AccessModelErrorList.From(check.Errors).TotalCount - check.Errors.Count);
        if (check.ReadRest)
        {
            CheckRest(text, check, errors);
        }

        throw new AccessModelValidationException(errors);
    }

    /// <summary>Reads what can be read of a document whose shape has problems and adds the problems of the model it
    /// describes: rows with a problem of shape are left out, and so are references to what they define.</summary>
    private static void CheckRest(PolicyDocumentText text, PolicyDocumentCheck check, AccessModelErrorList errors)
    {
        var rest = PolicyDocumentRemainder.Create(text.Utf8, check.Unreadable);
        if (Deserialize(rest.Utf8, out _) is not { } document)
        {
            return;
        }

        try
        {
            _ = PolicyDocumentMapper.ToBuilder(document).Build();
        }
        catch (AccessModelValidationException exception)
        {
            PolicyErrorLocator.Locate(text, exception, rest, errors);
        }
    }

    private static PolicyDocument? Deserialize(ReadOnlyMemory<byte> utf8, out JsonException? failure)
    {
        failure = null;
        try
        {
            return JsonSerializer.Deserialize(utf8.Span, PolicyJsonContext.Default.PolicyDocument)
                ?? throw new JsonException("The document is null.");
        }
        catch (JsonException exception)
        {
            failure = exception;
            return null;
        }
    }

    private static AccessModelValidationException SafetyNet(JsonException exception)
    {
        string path = exception.Path ?? "$";
        long? line = exception.LineNumber + 1;
        return new AccessModelValidationException(
        [
            new AccessModelError(AccessModelErrorCode.InvalidJson, PolicyDocumentText.Locate(path, line, exception.Message), []) { Path = path, Line = line },
        ]);
    }
}
