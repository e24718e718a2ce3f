using Creatio.AccessControl;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers where the records of objects kept in the database are read and written by the administration.</summary>
public static class AccessControlRecordRightsExtensions
{
    /// <summary>Makes <see cref="IAccessAdministration"/> read and write the records objects keep in the database
    /// (<see cref="ObjectDefinition.KeepsRecordsInDatabase"/>) through a reader and a writer made per scope.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="reader">Makes the reader of a scope (a request), for example over the scope's database context.</param>
    /// <param name="writer">Makes the writer of a scope.</param>
    /// <returns>The builder.</returns>
    /// <remarks>
    /// <para><see cref="IAccessAdministration"/> becomes a scoped service: the <see cref="AccessAdministration"/> singleton
    /// with the scope's reader and writer (<see cref="AccessAdministration.WithRecordRights"/>), so that changes to records
    /// join the scope's unit of work. Resolve it in a scope (a request, or <c>CreateScope()</c>); the
    /// <see cref="AccessAdministration"/> singleton itself has no reader or writer and refuses such changes
    /// (<see cref="AccessChangeRefusal.RecordStoreMissing"/>).</para>
    /// <para>The scope's reader is also registered as <see cref="IRecordRightReader"/> (scoped), so that a scope's record
    /// checks (<see cref="AccessPrincipal.CheckRecordAsync"/>; <c>RequireRecordAccess</c> of
    /// <c>Creatio.AccessControl.AspNetCore</c>) read through it.</para>
    /// <para><c>Creatio.AccessControl.EntityFrameworkCore</c> calls it for a context: <c>UseEntityFrameworkCoreRecordRights&lt;TContext&gt;()</c>.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IAccessControlBuilder UseRecordRights(
        this IAccessControlBuilder builder, Func<IServiceProvider, IRecordRightReader> reader, Func<IServiceProvider, IRecordRightWriter> writer)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(writer);
        builder.Services.Replace(ServiceDescriptor.Scoped(reader));
        builder.Services.Replace(ServiceDescriptor.Scoped<IAccessAdministration>(
            sp => sp.GetRequiredService<AccessAdministration>().WithRecordRights(reader(sp), writer(sp))));
        return builder;
    }
}
