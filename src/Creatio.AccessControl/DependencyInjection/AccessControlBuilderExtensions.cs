using System.Diagnostics.CodeAnalysis;
using Creatio.AccessControl;
using Creatio.AccessControl.Stores;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Chooses where the access model comes from and where audit events go.</summary>
/// <remarks>The source methods (<see cref="UseStore{TStore}"/>, <see cref="UsePolicyFile"/>, <see cref="UseModel"/>) choose
/// where the evaluator's first snapshot is loaded from; when several are called, the last one wins. Without any, the
/// snapshot is loaded from the registered stores, by default an empty <see cref="InMemoryAccessStore"/>.</remarks>
public static class AccessControlBuilderExtensions
{
    /// <summary>Adds an audit sink created by the container; adding the same type twice adds it once.</summary>
    /// <typeparam name="TSink">The sink type, registered as a singleton.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IAccessControlBuilder AddAuditSink<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TSink>(
        this IAccessControlBuilder builder)
        where TSink : class, IAccessAuditSink
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IAccessAuditSink, TSink>());
        return builder;
    }

    /// <summary>Adds an audit sink instance; adding the same instance twice adds it once.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="sink">The sink. The container does not dispose it.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="sink"/> is <see langword="null"/>.</exception>
    public static IAccessControlBuilder AddAuditSink(this IAccessControlBuilder builder, IAccessAuditSink sink)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(sink);
        foreach (ServiceDescriptor descriptor in builder.Services)
        {
            if (descriptor.ServiceType == typeof(IAccessAuditSink) && !descriptor.IsKeyedService && ReferenceEquals(descriptor.ImplementationInstance, sink))
            {
                return builder;
            }
        }

        builder.Services.AddSingleton(sink);
        return builder;
    }

    /// <summary>Uses a store of the host's as every store contract and as the writer of the administration API, in place of
    /// the in-memory store, and loads the first snapshot from it.</summary>
    /// <typeparam name="TStore">The store type, registered as a singleton created by the container.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    /// <remarks>The first snapshot has version 1; the store sees that as the base version of the first commit.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IAccessControlBuilder UseStore<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TStore>(
        this IAccessControlBuilder builder)
        where TStore : class, IAdminUnitStore, IPermissionStore, IRecordRightStore, ISystemOperationStore, ISettingsStore, IAccessStoreWriter
    {
        ArgumentNullException.ThrowIfNull(builder);
        IServiceCollection services = builder.Services;
        services.TryAddSingleton<TStore>();
        services.Replace(ServiceDescriptor.Singleton<IAdminUnitStore>(sp => sp.GetRequiredService<TStore>()));
        services.Replace(ServiceDescriptor.Singleton<IPermissionStore>(sp => sp.GetRequiredService<TStore>()));
        services.Replace(ServiceDescriptor.Singleton<IRecordRightStore>(sp => sp.GetRequiredService<TStore>()));
        services.Replace(ServiceDescriptor.Singleton<ISystemOperationStore>(sp => sp.GetRequiredService<TStore>()));
        services.Replace(ServiceDescriptor.Singleton<ISettingsStore>(sp => sp.GetRequiredService<TStore>()));
        services.Replace(ServiceDescriptor.Singleton<IAccessStoreWriter>(sp => sp.GetRequiredService<TStore>()));
        AccessControlSource source = Source(builder);
        source.Kind = AccessControlSourceKind.Stores;
        source.Model = null;
        return builder;
    }

    /// <summary>Loads the first snapshot from a JSON policy file (<see cref="Creatio.AccessControl.Serialization.AccessPolicyJson"/>),
    /// optionally reloading it when it changes.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="path">The file's path. A relative path is resolved against <see cref="AccessControlOptions.PolicyFileBasePath"/>
    /// when that is set (the ASP.NET Core package sets it to the content root), otherwise against the current directory now.</param>
    /// <param name="reloadOnChange">Whether to poll the file every <see cref="AccessControlOptions.PolicyFilePollInterval"/>
    /// and reload it when it changes (see <see cref="IAccessPolicyReloadStatus"/>).</param>
    /// <returns>The builder.</returns>
    /// <remarks>
    /// <para>A file that is missing, too large or invalid makes resolving the evaluator fail: with a
    /// <see cref="FileNotFoundException"/>, or with an <see cref="AccessModelValidationException"/> whose message names the
    /// file and lists every problem.</para>
    /// <para>The file is the source of truth. Changes made through <see cref="IAccessAdministration"/> are not written to
    /// it: they live in memory only and the next reload replaces them (see <see cref="IAccessPolicyReloadStatus"/>).</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or white space.</exception>
    public static IAccessControlBuilder UsePolicyFile(this IAccessControlBuilder builder, string path, bool reloadOnChange = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AccessControlSource source = Source(builder);
        source.Kind = AccessControlSourceKind.PolicyFile;
        source.PolicyFilePath = Path.GetFullPath(path);
        source.RelativePolicyFilePath = Path.IsPathFullyQualified(path) ? null : path;
        source.ReloadOnChange = reloadOnChange;
        source.Model = null;
        return builder;
    }

    /// <summary>Loads the first snapshot from a model built in code; the default in-memory store starts with it.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="model">The validated model.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="model"/> is <see langword="null"/>.</exception>
    public static IAccessControlBuilder UseModel(this IAccessControlBuilder builder, AccessModel model)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(model);
        AccessControlSource source = Source(builder);
        source.Kind = AccessControlSourceKind.Model;
        source.Model = model;
        return builder;
    }

    private static AccessControlSource Source(IAccessControlBuilder builder) =>
        (builder as AccessControlBuilder ?? (AccessControlBuilder)builder.Services.AddCreatioAccessControl()).Source;
}
