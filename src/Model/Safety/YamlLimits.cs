using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CarbonSim.Model.Safety;

/// <summary>
/// Bounds on a YAML document, checked by streaming its events before the (recursive) document model is built:
/// nesting depth, scalar length and alias count. A deeply nested file would otherwise overflow the stack and a
/// huge scalar take gigabytes. The file size itself is bounded by <see cref="InputFiles.MaxTextFileBytes"/>.
/// </summary>
public static class YamlLimits
{
    /// <summary>[levels] Deepest nesting of mappings and sequences (scenarios use 4).</summary>
    public const int MaxDepth = 64;
    /// <summary>[characters] Longest scalar (paths and names are short; tables live in their own files).</summary>
    public const int MaxScalarChars = 64 * 1024;
    /// <summary>[count] Most aliases (<c>*name</c>) in one document (none are needed; a few are harmless).</summary>
    public const int MaxAliases = 100;

    /// <summary>Throws <see cref="InvalidInputException"/> naming <paramref name="file"/> and the line if <paramref name="text"/> breaks a limit.
    /// Malformed YAML is left to the caller's parser (which reports it with its own message).</summary>
    public static void Check(string file, string text)
    {
        var parser = new Parser(new StringReader(text));
        int depth = 0, aliases = 0;
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case MappingStart or SequenceStart:
                        if (++depth > MaxDepth)
                            throw new InvalidInputException(file, $"line {parser.Current.Start.Line}", $"nesting deeper than {MaxDepth} levels", $"YAML nested at most {MaxDepth} levels deep");
                        break;
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                    case Scalar s when s.Value.Length > MaxScalarChars:
                        throw new InvalidInputException(file, $"line {s.Start.Line}", $"a value of {s.Value.Length} characters", $"values of at most {MaxScalarChars} characters");
                    case AnchorAlias a when ++aliases > MaxAliases:
                        throw new InvalidInputException(file, $"line {a.Start.Line}", $"more than {MaxAliases} aliases", $"at most {MaxAliases} YAML aliases");
                }
            }
        }
        catch (YamlException) { /* malformed: the document parser reports it */ }
    }

    /// <summary>Reads a YAML file as text after checking it is a regular file within the size limit and within the limits above.</summary>
    public static string ReadChecked(string path, string what)
    {
        InputFiles.RequireRegular(path, path, "file", what, InputFiles.MaxTextFileBytes);
        string text = File.ReadAllText(path);
        Check(path, text);
        return text;
    }
}
