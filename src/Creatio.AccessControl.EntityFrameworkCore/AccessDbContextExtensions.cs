using Creatio.AccessControl.EntityFrameworkCore;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Checks a context's access mapping.</summary>
public static class AccessDbContextExtensions
{
    /// <summary>Checks that every entity mapped to an access object has one <see cref="Guid"/> key, author and owner (and
    /// support-grant) properties mapped as <see cref="Guid"/> or <see cref="Nullable{Guid}"/>, and that the record rights
    /// entity is in the model; call it while the application starts.</summary>
    /// <param name="context">A context of the model.</param>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The mapping has problems; the message lists each, naming the entity and
    /// the property.</exception>
    /// <remarks>The first <c>WhereAccessible</c> query over a model makes the same check; the result is kept per model.</remarks>
    public static void ValidateAccessMapping(this DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        AccessMapping.For(context.Model).ThrowIfInvalid();
    }
}
