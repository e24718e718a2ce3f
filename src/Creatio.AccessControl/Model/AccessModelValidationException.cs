using System.Text;

namespace Creatio.AccessControl;

/// <summary>Thrown when a model is invalid; carries every problem found, so that all can be fixed at once.</summary>
/// <remarks>Nothing of an invalid model is applied: the snapshot in use stays as it was.</remarks>
public sealed class AccessModelValidationException : Exception
{
    /// <summary>Creates the exception for the given problems.</summary>
    /// <param name="errors">The problems; at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="errors"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty.</exception>
    public AccessModelValidationException(IReadOnlyList<AccessModelError> errors)
        : this("The access model is invalid", errors)
    {
    }

    /// <summary>Creates the exception for the given problems, with a summary that names what was invalid, such as a file.</summary>
    /// <param name="subject">The summary line before the count of problems, such as <c>The policy file `a.json` is invalid</c>.</param>
    /// <param name="errors">The problems; at least one.</param>
    internal AccessModelValidationException(string subject, IReadOnlyList<AccessModelError> errors)
        : base(FormatMessage(subject, errors))
    {
        Errors = errors;
    }

    /// <summary>Gets every problem found, in a stable order.</summary>
    public IReadOnlyList<AccessModelError> Errors { get; }

    private static string FormatMessage(string subject, IReadOnlyList<AccessModelError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("At least one error is required.", nameof(errors));
        }

        var text = new StringBuilder();
        text.Append(subject).Append(": ")
            .Append(errors.Count)
            .Append(errors.Count == 1 ? " problem." : " problems.");
        foreach (AccessModelError error in errors)
        {
            text.Append('\n').Append("- ").Append(error.Message);
        }

        return text.ToString();
    }
}
