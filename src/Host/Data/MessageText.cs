using System.Globalization;
using System.Text;

namespace GmmGpu.Data;

/// <summary>
/// Text from a user's file as it may appear in a one-line message: control characters escaped
/// (a binary file's bytes never reach the terminal raw) and at most <see cref="MaxChars"/>
/// characters of it, with the full length given when it is cut.
/// </summary>
public static class MessageText
{
    /// <summary>The most characters of a value or name that a message quotes.</summary>
    public const int MaxChars = 40;

    private static readonly System.Buffers.SearchValues<char> Controls =
        System.Buffers.SearchValues.Create(
            Enumerable.Range(0, 0xA0).Select(i => (char)i).Where(char.IsControl).ToArray());

    /// <summary>
    /// <paramref name="text"/> in double quotes, escaped and cut to <see cref="MaxChars"/>
    /// characters: "abc", "\x1B[2J", or "12345…" (5000000 characters).
    /// </summary>
    public static string Quote(ReadOnlySpan<char> text) =>
        text.Length <= MaxChars
            ? $"\"{Escape(text)}\""
            : string.Create(CultureInfo.InvariantCulture,
                $"\"{Escape(text[..MaxChars])}…\" ({text.Length} characters)");

    /// <summary>
    /// <paramref name="text"/> with each control character (C0, DEL, C1) written as \n, \r, \t
    /// or \xNN, and every other character kept.
    /// </summary>
    public static string Escape(ReadOnlySpan<char> text)
    {
        if (!text.ContainsAny(Controls))
        {
            return text.ToString();
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            _ = c switch
            {
                '\n' => escaped.Append("\\n"),
                '\r' => escaped.Append("\\r"),
                '\t' => escaped.Append("\\t"),
                _ when char.IsControl(c) =>
                    escaped.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}"),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }
}
