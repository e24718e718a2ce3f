namespace Creatio.AccessControl.Serialization;

/// <summary>Options for reading policy documents with <see cref="AccessPolicyJson"/>.</summary>
public sealed class AccessPolicyJsonOptions
{
    /// <summary>The default of <see cref="MaxDocumentBytes"/>: 64 MiB.</summary>
    private const int DefaultMaxDocumentBytes = 64 * 1024 * 1024;

    private int _maxDocumentBytes = DefaultMaxDocumentBytes;

    /// <summary>Gets or sets the largest document accepted, in UTF-8 bytes (a byte order mark included).</summary>
    /// <remarks>A larger document is refused before it is parsed; from a stream, at most one byte more than this limit
    /// is read.</remarks>
    /// <value>The default value is 67,108,864 (64 MiB). The value must be from 1 to <see cref="Array.MaxLength"/> − 1.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1 or not less than <see cref="Array.MaxLength"/>.</exception>
    public int MaxDocumentBytes
    {
        get => _maxDocumentBytes;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(value, Array.MaxLength);
            _maxDocumentBytes = value;
        }
    }
}
