using System.Globalization;
using System.Text;

namespace Creatio.AccessControl;

/// <summary>Thrown when a model is invalid; carries every problem found, so that all can be fixed at once.</summary>
/// <remarks>
/// <para>Nothing of an invalid model is applied: the snapshot in use stays as it was.</para>
/// <para>The problems are reported up to a cap, <see cref="MaxReportedErrors"/>: <see cref="Errors"/> and the message
/// describe the first of them, in a stable order, and <see cref="TotalErrorCount"/> counts them all (the message ends
/// with how many more there are). A model or a policy document with a great many problems therefore costs memory for
/// the reported ones only.</para>
/// </remarks>
public sealed class AccessModelValidationException : Exception
{
    /// <summary>The most problems described by <see cref="Errors"/> and the message: 100.</summary>
    public const int MaxReportedErrors = 100;

    /// <summary>Creates the exception for the given problems.</summary>
    /// <param name="errors">The problems; at least one. Past <see cref="MaxReportedErrors"/> they are counted, not kept.</param>
    /// <exception cref="ArgumentNullException"><paramref name="errors"/> is <see langword="null"/> or holds <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty.</exception>
    public AccessModelValidationException(IReadOnlyList<AccessModelError> errors)
        : this("The access model is invalid", errors)
    {
    }

    /// <summary>Creates the exception for the given problems, with a summary that names what was invalid, such as a file.</summary>
    /// <param name="subject">The summary line before the count of problems, such as <c>The policy file `a.json` is invalid</c>.</param>
    /// <param name="errors">The problems; at least one. Past <see cref="MaxReportedErrors"/> they are counted, not kept;
    /// problems collected under the cap keep the count of those left out.</param>
    internal AccessModelValidationException(string subject, IReadOnlyList<AccessModelError> errors)
        : this(subject, AccessModelErrorList.From(errors))
    {
    }

    private AccessModelValidationException(string subject, AccessModelErrorList errors)
        : base(FormatMessage(subject, errors))
    {
        Errors = errors;
        TotalErrorCount = errors.TotalCount;
    }

    /// <summary>Gets the problems found, in a stable order: all of them, or the first <see cref="MaxReportedErrors"/>
    /// when there are more.</summary>
    public IReadOnlyList<AccessModelError> Errors { get; }

    /// <summary>Gets how many problems were found in all, those <see cref="Errors"/> leaves out included.</summary>
    /// <value>At least the count of <see cref="Errors"/>; greater only when that count is <see cref="MaxReportedErrors"/>.</value>
    public int TotalErrorCount { get; }

    private static string FormatMessage(string subject, AccessModelErrorList errors)
    {
        if (errors.Count == 0)
        {
            throw new ArgumentException("At least one error is required.", nameof(errors));
        }

        var text = new StringBuilder();
        text.Append(subject).Append(": ")
            .Append(errors.TotalCount.ToString(CultureInfo.InvariantCulture))
            .Append(errors.TotalCount == 1 ? " problem." : " problems.");
        foreach (AccessModelError error in errors)
        {
            text.Append('\n').Append("- ").Append(error.Message);
        }

        int unreported = errors.TotalCount - errors.Count;
        if (unreported > 0)
        {
            text.Append('\n').Append(CultureInfo.InvariantCulture, $"- … and {unreported} more problems (only the first {MaxReportedErrors} are listed).");
        }

        return text.ToString();
    }
}
