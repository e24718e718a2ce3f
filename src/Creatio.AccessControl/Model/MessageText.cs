using System.Text;

namespace Creatio.AccessControl;

/// <summary>How messages of the model and of the layers above quote user input.</summary>
internal static class MessageText
{
    /// <summary>Quotes user input for a message, as Cedar does: in backticks, on one line, shortened when long.</summary>
    public static string Quote(string value)
    {
        const int MaxLength = 60;
        var text = new StringBuilder(value.Length + 2).Append('`');
        foreach (Rune rune in (value.Length > MaxLength ? value[..MaxLength] : value).EnumerateRunes())
        {
            text.Append(Rune.IsControl(rune) ? "\uFFFD" : rune.ToString());
        }

        return text.Append(value.Length > MaxLength ? "…`" : "`").ToString();
    }
}
