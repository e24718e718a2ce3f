namespace Creatio.AccessControl;

/// <summary>The JSON form of an <see cref="AccessModelDelta"/>.</summary>
internal sealed class AccessModelDeltaDocument
{
    public required int FormatVersion { get; init; }

    public required List<AccessModelEdit> Edits { get; init; }
}
