using System.Text.Json;

namespace Creatio.AccessControl;

/// <summary>A change to an access model as the row-level edits it makes: what a store commits and what another instance
/// replays to reach the same model.</summary>
/// <remarks>
/// <para>A delta is self-contained (it names rows by value, never a snapshot or a position in one) and deterministic:
/// applying it to equal models gives equal models (<see cref="AccessModel.Apply"/>). The administration API turns each
/// change it accepts into a delta; a store receives the deltas of a batch with the versions they lead from and to.</para>
/// <para>Its JSON form (<see cref="ToJson"/>, <see cref="FromJson"/>) carries <see cref="CurrentFormatVersion"/>; a
/// reader refuses a format version it does not know.</para>
/// <para>This type is immutable and safe for concurrent use.</para>
/// </remarks>
public sealed class AccessModelDelta
{
    /// <summary>The format version of the JSON form written by <see cref="ToJson"/>: 1.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>Creates a delta of the given edits.</summary>
    /// <param name="edits">The edits, applied in order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="edits"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="edits"/> holds <see langword="null"/>.</exception>
    public AccessModelDelta(IEnumerable<AccessModelEdit> edits)
    {
        ArgumentNullException.ThrowIfNull(edits);
        AccessModelEdit[] copy = [.. edits];
        if (Array.IndexOf(copy, null) is int at and >= 0)
        {
            throw new ArgumentException($"Edit {at} is null.", nameof(edits));
        }

        Edits = copy;
    }

    /// <summary>Gets the delta that changes nothing.</summary>
    public static AccessModelDelta Empty { get; } = new([]);

    /// <summary>Gets the edits, in the order they apply.</summary>
    public IReadOnlyList<AccessModelEdit> Edits { get; }

    /// <summary>Gets a value indicating whether the delta has no edit.</summary>
    public bool IsEmpty => Edits.Count == 0;

    /// <summary>Returns the delta that makes this delta's edits and then <paramref name="next"/>'s.</summary>
    /// <param name="next">The delta applied after this one.</param>
    /// <returns>The combined delta.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="next"/> is <see langword="null"/>.</exception>
    public AccessModelDelta Then(AccessModelDelta next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return next.IsEmpty ? this : IsEmpty ? next : new([.. Edits, .. next.Edits]);
    }

    /// <summary>Writes the delta as JSON: <c>{"formatVersion":1,"edits":[{"kind":"addMembership",...},...]}</c>.</summary>
    /// <returns>The JSON text; equal deltas give equal text.</returns>
    public string ToJson() =>
        JsonSerializer.Serialize(new AccessModelDeltaDocument { FormatVersion = CurrentFormatVersion, Edits = [.. Edits] }, AccessModelDeltaJsonContext.Default.AccessModelDeltaDocument);

    /// <summary>Reads a delta written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The delta.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">The text is not a delta of a known format version; the message says why.</exception>
    public static AccessModelDelta FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        AccessModelDeltaDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, AccessModelDeltaJsonContext.Default.AccessModelDeltaDocument);
        }
        catch (ArgumentException invalid)
        {
            // An edit's constructor refused a missing or null member.
            throw new JsonException($"The delta holds an invalid edit: {invalid.Message}", invalid);
        }

        if (document is null)
        {
            throw new JsonException("The delta is JSON null.");
        }

        if (document.FormatVersion != CurrentFormatVersion)
        {
            throw new JsonException($"The delta has format version {document.FormatVersion}; this version of the library reads format version {CurrentFormatVersion}.");
        }

        if (document.Edits is null || document.Edits.Contains(null!))
        {
            throw new JsonException("The delta's edits are missing or hold null.");
        }

        return new AccessModelDelta(document.Edits);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Edits.Count} edit(s)";
}
