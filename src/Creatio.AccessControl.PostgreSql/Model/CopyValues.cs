using Npgsql;
using NpgsqlTypes;

namespace Creatio.AccessControl.PostgreSql;

/// <summary>Writes values that may be null to a binary <c>COPY … FROM STDIN</c>.</summary>
internal static class CopyValues
{
    public static async Task WriteAsync(NpgsqlBinaryImporter importer, Guid? value, CancellationToken cancellationToken)
    {
        if (value is { } id)
        {
            await importer.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await importer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task WriteAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken cancellationToken)
    {
        if (value is not null)
        {
            await importer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await importer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
