using PhanHoi.Bot.Definitions;

namespace PhanHoi.Bot.Tests.Support;

/// <summary>The real dialogs/ YAML, as copied next to the test binaries.</summary>
public static class DialogsFolder
{
    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "dialogs");

    /// <summary>The real texts, checked only for being well-formed (no code names required).</summary>
    public static MessageCatalog Texts()
    {
        var reader = new DialogDefinitionLoader.DefinitionReader();
        reader.ReadFile("messages.vi.yaml", File.ReadAllText(System.IO.Path.Combine(Path, "messages.vi.yaml")));
        return reader.Finish(new DefinitionRequirements(new HashSet<string>(), new HashSet<string>(), new HashSet<string>(), []), Path).Messages;
    }
}
