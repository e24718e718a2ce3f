namespace Creatio.AccessControl;

/// <summary>The code of a system operation (Creatio's <c>SysAdminOperation.Code</c>).</summary>
/// <remarks>Compared ordinally, case-sensitively. The built-in codes are listed in <see cref="SystemOperations"/>.</remarks>
public readonly record struct SystemOperationCode
{
    /// <summary>Creates a code.</summary>
    /// <param name="value">The code, for example <c>CanManageUsers</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty or white space.</exception>
    public SystemOperationCode(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    /// <summary>Gets the code; <see langword="null"/> only for <see langword="default"/>.</summary>
    public string Value { get; }

    /// <summary>Creates a code from a string.</summary>
    /// <param name="value">The code.</param>
    public static implicit operator SystemOperationCode(string value) => new(value);

    /// <inheritdoc/>
    public override string ToString() => Value ?? string.Empty;
}
