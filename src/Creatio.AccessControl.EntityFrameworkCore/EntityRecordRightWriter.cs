using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Creatio.AccessControl.EntityFrameworkCore;

/// <summary>Writes the record edits of the administration (sharing, unsharing, creating, deleting and re-owning records of
/// objects that keep them in the database) to the tables <c>WhereAccessible</c> and <see cref="EntityRecordRightReader"/>
/// read.</summary>
/// <remarks>
/// <para>Rights rows are inserted into and deleted from the record rights table; a created or re-owned record's author,
/// owner and support grant are set on the host's existing row of it, in the entity mapped to the object (by
/// <see cref="AccessModelBuilderExtensions.HasAccessObject{TEntity}(ModelBuilder, ObjectName, Expression{Func{TEntity, Guid?}}, Expression{Func{TEntity, Guid?}}, Expression{Func{TEntity, Guid?}}?)"/>).
/// The host inserts and deletes its own rows: insert the record, then apply <see cref="CreateRecord"/>; apply
/// <see cref="DeleteRecord"/>, then delete the record — in one transaction.</para>
/// <para>The statements run on the context's connection, bypassing its change tracker (tracked entities are not updated).
/// One write is one transaction: the context's current transaction when there is one (inside a savepoint, rolled back to
/// on failure, so that the host's own work stands), otherwise a transaction of its own, committed at the end. A write that
/// fails throws and leaves nothing of itself.</para>
/// <para>Create one per <see cref="DbContext"/> (per request, like the context); it is not safe for concurrent use, as the
/// context is not.</para>
/// </remarks>
public sealed class EntityRecordRightWriter : IRecordRightWriter
{
    private const string Savepoint = "CreatioAccessControlRecordRights";

    private readonly DbContext _context;

    /// <summary>Creates a writer over a context whose model maps the objects' entities and the record rights.</summary>
    /// <param name="context">The context.</param>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is <see langword="null"/>.</exception>
    public EntityRecordRightWriter(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="edits"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An edit is not a record edit of <paramref name="objectName"/>; nothing is written.</exception>
    /// <exception cref="InvalidOperationException">The model's access mapping has problems, no entity or more than one holds
    /// the object's records, a right to remove or a record's row is not there, or a support grant is to be kept and the
    /// entity keeps none; nothing is written.</exception>
    public async ValueTask WriteAsync(ObjectName objectName, IReadOnlyList<AccessModelEdit> edits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edits);
        AccessMapping mapping = AccessMapping.For(_context.Model);
        mapping.ThrowIfInvalid();
        ObjectMapping target = mapping.FindObject(objectName);
        foreach (AccessModelEdit edit in edits)
        {
            RecordRightSql.Check(objectName, edit);
        }

        if (edits.Count == 0)
        {
            return;
        }

        var sql = new RecordRightSql(_context, target, mapping.Rights!);
        DatabaseFacade database = _context.Database;
        IDbContextTransaction? current = database.CurrentTransaction;
        IDbContextTransaction? own = current is null ? await database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false) : null;
        bool savepoint = current is { SupportsSavepoints: true };
        try
        {
            if (savepoint)
            {
                await current!.CreateSavepointAsync(Savepoint, cancellationToken).ConfigureAwait(false);
            }

            foreach (AccessModelEdit edit in edits)
            {
                await sql.ApplyAsync(edit, cancellationToken).ConfigureAwait(false);
            }

            if (own is not null)
            {
                await own.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            else if (savepoint)
            {
                await current!.ReleaseSavepointAsync(Savepoint, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            if (own is not null)
            {
                await own.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            }
            else if (savepoint)
            {
                await current!.RollbackToSavepointAsync(Savepoint, CancellationToken.None).ConfigureAwait(false);
            }

            throw;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
