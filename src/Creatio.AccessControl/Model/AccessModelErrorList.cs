using System.Collections;

namespace Creatio.AccessControl;

/// <summary>The problems found in a model or a policy document: the first
/// <see cref="AccessModelValidationException.MaxReportedErrors"/> of them in full, and how many there are in all.</summary>
/// <remarks>Every path that reports model problems (the model validator, the policy document checker, the exception)
/// collects them here, so that one cap applies to all: a document or a model with a great many problems costs memory
/// for the reported ones only.</remarks>
internal sealed class AccessModelErrorList : IReadOnlyList<AccessModelError>
{
    private readonly List<AccessModelError> _reported = [];

    /// <summary>Gets how many problems were found, reported or not.</summary>
    public int TotalCount { get; private set; }

    /// <summary>Gets whether the cap is reached: a further problem is counted but not kept, so there is no need to
    /// describe it.</summary>
    public bool IsFull => _reported.Count >= AccessModelValidationException.MaxReportedErrors;

    /// <inheritdoc/>
    public int Count => _reported.Count;

    /// <inheritdoc/>
    public AccessModelError this[int index] => _reported[index];

    /// <summary>Returns the problems of a list, under the cap; a list collected here is returned as it is.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="errors"/> is <see langword="null"/>.</exception>
    public static AccessModelErrorList From(IReadOnlyList<AccessModelError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors is AccessModelErrorList list)
        {
            return list;
        }

        var copy = new AccessModelErrorList();
        foreach (AccessModelError error in errors)
        {
            ArgumentNullException.ThrowIfNull(error, nameof(errors));
            copy.Add(error);
        }

        return copy;
    }

    /// <summary>Counts a problem, and keeps it while the cap is not reached.</summary>
    public void Add(AccessModelError error)
    {
        TotalCount = checked(TotalCount + 1);
        if (!IsFull)
        {
            _reported.Add(error);
        }
    }

    /// <summary>Counts problems that are not described, once the cap is reached.</summary>
    public void AddUnreported(int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        TotalCount = checked(TotalCount + count);
    }

    /// <inheritdoc/>
    public IEnumerator<AccessModelError> GetEnumerator() => _reported.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
