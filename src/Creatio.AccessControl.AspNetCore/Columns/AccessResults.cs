using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Creatio.AccessControl.AspNetCore;

/// <summary>JSON responses of records that show only the columns the request's principal may read.</summary>
/// <remarks>The value is serialized with the app's JSON options (<see cref="HttpJsonOptions"/>), then
/// <see cref="AccessColumnRedactionExtensions.RedactColumns"/> removes or masks each record's unreadable columns. Return the
/// result from a minimal API handler or a controller action.</remarks>
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
            JsonNode body;
            if (single)
            {
                body = Redacted(values.First());
            }
            else
            {
                var array = new JsonArray();
                foreach (T value in values)
                {
                    array.Add((JsonNode)Redacted(value));
                }

                body = array;
            }

            httpContext.Response.ContentType = "application/json; charset=utf-8";
            await using (var writer = new Utf8JsonWriter(httpContext.Response.BodyWriter, new JsonWriterOptions { Encoder = options.Encoder, Indented = options.WriteIndented }))
            {
                body.WriteTo(writer, options);
            }

            await httpContext.Response.BodyWriter.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);

            JsonObject Redacted(T value) => JsonSerializer.SerializeToNode(value, typeInfo) is JsonObject json
                ? principal.RedactColumns(objectName, recordOf(value), json, redaction)
                : throw new InvalidOperationException($"A {typeof(T).Name} record must serialize to a JSON object.");
        }
    }
}
