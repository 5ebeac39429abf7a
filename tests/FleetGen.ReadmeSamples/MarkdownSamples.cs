namespace FleetGen.ReadmeSamples;

/// <summary>One <c>```csharp</c> block of a Markdown file: the line its fence is on, and its code.</summary>
public sealed record MarkdownSample(string File, int Line, string Code)
{
    public override string ToString() => $"{Path.GetFileName(Path.GetDirectoryName(File))}/{Path.GetFileName(File)}:{Line}";

    /// <summary>The name of the sample's compiled assembly: its place, in letters, digits and underscores.</summary>
    public string AssemblyName => "ReadmeSample_" + string.Concat(ToString().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_'));

    /// <summary>Every <c>```csharp</c> block of <paramref name="file"/>, in order.</summary>
    public static IReadOnlyList<MarkdownSample> Read(string file)
    {
        var samples = new List<MarkdownSample>();
        var lines = System.IO.File.ReadAllLines(file);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```csharp")
            {
                continue;
            }

            var start = i;
            var code = new List<string>();
            for (i++; i < lines.Length && lines[i].Trim() != "```"; i++)
            {
                code.Add(lines[i]);
            }

            samples.Add(new MarkdownSample(file, start + 1, string.Join('\n', code)));
        }

        return samples;
    }
}
