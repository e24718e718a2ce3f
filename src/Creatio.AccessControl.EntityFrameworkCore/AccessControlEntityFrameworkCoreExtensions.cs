using Creatio.AccessControl;
using Creatio.AccessControl.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Entity Framework Core reader and writer of the records objects keep in the database.</summary>
public static class AccessControlEntityFrameworkCoreExtensions
{
    /// <summary>Makes <see cref="IAccessAdministration"/> read and write the records objects keep in the database through
    /// the scope's <typeparamref name="TContext"/> (<see cref="EntityRecordRightReader"/>, <see cref="EntityRecordRightWriter"/>).</summary>
    /// <typeparam name="TContext">The context that maps the objects' entities and the record rights (registered by the host,
    /// for example with <c>AddDbContext</c>).</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    /// <remarks><see cref="IAccessAdministration"/> becomes scoped (see
    /// <see cref="AccessControlRecordRightsExtensions.UseRecordRights"/>): changes to records run on the request's context, in
    /// its current transaction when there is one.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IAccessControlBuilder UseEntityFrameworkCoreRecordRights<TContext>(this IAccessControlBuilder builder)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseRecordRights(
            sp => new EntityRecordRightReader(sp.GetRequiredService<TContext>()),
            sp => new EntityRecordRightWriter(sp.GetRequiredService<TContext>()));
    }
}
