using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Creatio.AccessControl.EntityFrameworkCore;

/// <summary>The pieces of expression trees the package's queries are built of: a mapped property, a membership test, and
/// an array sent as one parameter.</summary>
internal static class QueryParameters
{
    private static readonly MethodInfo s_property = typeof(EF).GetMethod(nameof(EF.Property))!;
    private static readonly MethodInfo s_contains = typeof(Enumerable).GetMethods()
        .Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2);
#if NET10_0_OR_GREATER
    private static readonly MethodInfo s_parameter = typeof(EF).GetMethod(nameof(EF.Parameter))!;
#endif

    /// <summary><c>EF.Property&lt;type&gt;(record, name)</c>.</summary>
    public static MethodCallExpression Property(Expression record, string name, Type type) =>
        Expression.Call(s_property.MakeGenericMethod(type), record, Expression.Constant(name));

    /// <summary><c>collection.Contains(item)</c>.</summary>
    public static MethodCallExpression Contains(Expression collection, Expression item, Type type) =>
        Expression.Call(s_contains.MakeGenericMethod(type), collection, item);

    // A field of a closure object, so that EF Core sends the array as a parameter instead of inlining it; EF Core 10 would
    // expand it into one parameter per element unless told to keep it one parameter.
#pragma warning disable CA1859 // The type differs by target: a field access before EF Core 10, a call after.
    public static Expression Field(object values, string field, Type type)
    {
        Expression access = Expression.Field(Expression.Constant(values), field);
#if NET10_0_OR_GREATER
        return Expression.Call(s_parameter.MakeGenericMethod(type), access);
#else
        _ = type;
        return access;
#endif
    }
#pragma warning restore CA1859
}
