using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Creatio.AccessControl.AspNetCore;

/// <summary>JSON responses of records that show only the columns the request's principal may read.</summary>
/// <remarks><para>The value is serialized with the app's JSON options (<see cref="HttpJsonOptions"/>), then
/// <see cref="AccessColumnRedactionExtensions.RedactColumns"/> removes or masks each record's unreadable columns. Return the
/// result from a minimal API handler or a controller action.</para>
/// <para>The records of an object that keeps them in the database (<see cref="ObjectDefinition.KeepsRecordsInDatabase"/>) are
/// read through the request's <see cref="IRecordRightReader"/> (registered by <c>UseEntityFrameworkCoreRecordRights</c> or
/// <c>UseRecordRights</c>), all of a response in one call, to decide whether each may be read: a record the principal may not
/// read shows none of its columns. Without a reader, or when it fails, no column of those records is shown, and the log
/// says why.</para></remarks>
public static class AccessResults
{
    /// <summary>Returns one record as JSON, without the columns the principal may not read.</summary>
    /// <typeparam name="T">The record's type; it must serialize to a JSON object.</typeparam>
    /// <param name="objectName">The object the record belongs to.</param>
    /// <param name="record">The record's id.</param>
    /// <param name="value">The record.</param>
    /// <param name="redaction">Whether unreadable columns are removed or masked.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="redaction"/> is not a defined value.</exception>
    public static IResult Record<T>(ObjectName objectName, RecordId record, T value, ColumnRedaction redaction = ColumnRedaction.Remove)
    {
        ArgumentNullException.ThrowIfNull(value);
        RequirementArguments.Defined(redaction);
        return new RecordsResult<T>(objectName, [value], _ => record, redaction, single: true);
    }

    /// <summary>Returns records as a JSON array, each without the columns the principal may not read in it.</summary>
    /// <typeparam name="T">The records' type; each must serialize to a JSON object.</typeparam>
    /// <param name="objectName">The object the records belong to.</param>
    /// <param name="values">The records, already filtered to those the principal may read
    /// (<see cref="AccessPrincipal.FilterRecords(ObjectName, RecordOperation, IEnumerable{RecordId})"/>).</param>
    /// <param name="recordOf">Returns a record's id.</param>
    /// <param name="redaction">Whether unreadable columns are removed or masked.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> or <paramref name="recordOf"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="redaction"/> is not a defined value.</exception>
    public static IResult Records<T>(ObjectName objectName, IEnumerable<T> values, Func<T, RecordId> recordOf, ColumnRedaction redaction = ColumnRedaction.Remove)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(recordOf);
        RequirementArguments.Defined(redaction);
        return new RecordsResult<T>(objectName, values, recordOf, redaction, single: false);
    }

    private sealed class RecordsResult<T>(ObjectName objectName, IEnumerable<T> values, Func<T, RecordId> recordOf, ColumnRedaction redaction, bool single)
        : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            JsonSerializerOptions options = httpContext.RequestServices.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;
            var typeInfo = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
            AccessPrincipal principal = httpContext.GetAccessPrincipal();
            List<T> items = single ? [values.First()] : [.. values];
            IReadOnlyList<AccessDecision>? reads = await DatabaseReadsAsync(httpContext, principal, items).ConfigureAwait(false);
            JsonNode body;
            if (single)
            {
                body = Redacted(0);
            }
            else
            {
                var array = new JsonArray();
                for (int i = 0; i < items.Count; i++)
                {
                    array.Add((JsonNode)Redacted(i));
                }

                body = array;
            }

            httpContext.Response.ContentType = "application/json; charset=utf-8";
            await using (var writer = new Utf8JsonWriter(httpContext.Response.BodyWriter, new JsonWriterOptions { Encoder = options.Encoder, Indented = options.WriteIndented }))
            {
                body.WriteTo(writer, options);
            }

            await httpContext.Response.BodyWriter.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);

            JsonObject Redacted(int index) => JsonSerializer.SerializeToNode(items[index], typeInfo) is JsonObject json
                ? AccessColumnRedactionExtensions.Redact(principal, objectName, recordOf(items[index]), reads?[index], json, redaction)
                : throw new InvalidOperationException($"A {typeof(T).Name} record must serialize to a JSON object.");
        }

        /// <summary>Reads whether each record may be read when the object keeps its records in the database (all at once);
        /// <see langword="null"/> when it holds them in memory.</summary>
        private async Task<IReadOnlyList<AccessDecision>?> DatabaseReadsAsync(HttpContext httpContext, AccessPrincipal principal, List<T> items)
        {
            if (items.Count == 0)
            {
                return null;
            }

            // The steps before the record step do not depend on the record: one in-memory check tells for every record.
            AccessDecision inMemory = principal.CheckRecord(objectName, recordOf(items[0]), RecordOperation.Read);
            if (!DatabaseRecordChecks.NeedsDatabase(principal, objectName, inMemory))
            {
                return null;
            }

            ILogger logger = httpContext.RequestServices.GetService<ILoggerFactory>()?.CreateLogger(typeof(AccessResults).FullName!) ?? NullLogger.Instance;
            RecordId[] ids = [.. items.Select(recordOf)];
            return await DatabaseRecordChecks.CheckAsync(principal, httpContext, objectName, ids, RecordOperation.Read, inMemory, logger).ConfigureAwait(false);
        }
    }
}
