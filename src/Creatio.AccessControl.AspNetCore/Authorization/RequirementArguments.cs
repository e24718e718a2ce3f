namespace Creatio.AccessControl.AspNetCore;

/// <summary>The argument checks the requirements share.</summary>
internal static class RequirementArguments
{
    /// <summary>Returns the object name, or throws for <see langword="default"/>.</summary>
    public static ObjectName Object(ObjectName objectName, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(objectName))] string? parameter = null) =>
        objectName.Value is null ? throw new ArgumentException("The object name must not be the default value.", parameter) : objectName;

    /// <summary>Returns the value, or throws for one that is not defined.</summary>
    public static TEnum Defined<TEnum>(TEnum value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? parameter = null)
        where TEnum : struct, Enum =>
        Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(parameter, value, $"Must be one of {string.Join(", ", Enum.GetNames<TEnum>())}.");
}
