using System.Globalization;
using PhanHoi.Bot.Recognizers;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PhanHoi.Bot.Definitions;

/// <summary>
/// Reads every <c>*.yaml</c> under the dialogs folder (messages, prompts, conversations may be split across files
/// freely) and refuses to start on any problem, naming file and line.
/// </summary>
public static class DialogDefinitionLoader
{
    public static DialogDefinitions Load(string folder, DefinitionRequirements requirements)
    {
        if (!Directory.Exists(folder))
        {
            throw new DialogDefinitionException([$"{folder}: the dialogs folder does not exist (Bot:DialogsPath)."]);
        }

        var files = Directory.GetFiles(folder, "*.yaml", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(folder, "*.yml", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .ToList();
        var root = Path.GetDirectoryName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar)) ?? folder;
        var reader = new DefinitionReader();
        foreach (var file in files)
        {
            reader.ReadFile(Path.GetRelativePath(root, file).Replace('\\', '/'), File.ReadAllText(file));
        }

        return reader.Finish(requirements, folder);
    }

    /// <summary>Collects definitions file by file, then validates cross-references.</summary>
    internal sealed class DefinitionReader
    {
        private readonly List<string> _problems = [];
        private readonly Dictionary<string, (string Text, SourceLocation At)> _messages = new(StringComparer.Ordinal);
        private readonly Dictionary<string, PromptDefinition> _prompts = new(StringComparer.Ordinal);
        private readonly Dictionary<string, ConversationDefinition> _conversations = new(StringComparer.Ordinal);
        private string _file = string.Empty;

        public void ReadFile(string file, string text)
        {
            _file = file;
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(text));
            }
            catch (YamlException e)
            {
                _problems.Add($"{file}:{e.Start.Line}: not valid YAML ({e.Message})");
                return;
            }

            foreach (var document in stream.Documents)
            {
                if (document.RootNode is not YamlMappingNode top)
                {
                    Problem(document.RootNode, "expected a mapping with messages:, prompts: or conversations:");
                    continue;
                }

                foreach (var (keyNode, value) in top.Children)
                {
                    switch (Scalar(keyNode))
                    {
                        case "messages":
                            ReadMessages(value);
                            break;
                        case "prompts":
                            ForEach(value, ReadPrompt);
                            break;
                        case "conversations":
                            ForEach(value, ReadConversation);
                            break;
                        default:
                            Problem(keyNode, $"unknown section '{Scalar(keyNode)}' (expected messages, prompts or conversations)");
                            break;
                    }
                }
            }
        }

        public DialogDefinitions Finish(DefinitionRequirements requirements, string folder)
        {
            foreach (var key in requirements.RequiredMessages.Where(k => !_messages.ContainsKey(k)))
            {
                _problems.Add($"{folder}: the message '{key}' is required by the bot but defined in no file");
            }

            foreach (var prompt in _prompts.Values)
            {
                CheckPrompt(prompt, requirements);
            }

            foreach (var conversation in _conversations.Values)
            {
                CheckConversation(conversation, requirements);
            }

            if (_problems.Count > 0)
            {
                throw new DialogDefinitionException(_problems);
            }

            return new DialogDefinitions(
                new MessageCatalog(_messages.ToDictionary(m => m.Key, m => m.Value.Text, StringComparer.Ordinal)),
                _prompts,
                _conversations);
        }

        private void ReadMessages(YamlNode node)
        {
            if (node is not YamlMappingNode map)
            {
                Problem(node, "messages: must be a mapping of key: text");
                return;
            }

            foreach (var (keyNode, value) in map.Children)
            {
                var key = Scalar(keyNode);
                if (value is not YamlScalarNode { Value: { Length: > 0 } text })
                {
                    Problem(value, $"message '{key}' must be a non-empty text");
                }
                else if (_messages.TryGetValue(key, out var first))
                {
                    Problem(keyNode, $"message '{key}' is defined twice (first at {first.At})");
                }
                else
                {
                    _messages[key] = (text, At(keyNode));
                }
            }
        }

        private void ReadPrompt(YamlMappingNode map)
        {
            var fields = Fields(map, ["id", "type", "text", "retry", "choices", "choicesFrom", "validators", "maxRetries", "optional", "giveUp", "shareInfo", "personal", "skip"]);
            var id = Required(map, fields, "id");
            var typeText = Required(map, fields, "type");
            var text = Required(map, fields, "text");
            if (id is null || typeText is null || text is null)
            {
                return;
            }

            if (!Enum.TryParse<PromptType>(typeText, ignoreCase: true, out var type) || int.TryParse(typeText, out _))
            {
                Problem(fields["type"], $"prompt '{id}' has unknown type '{typeText}' (expected {string.Join(", ", Enum.GetNames<PromptType>().Select(Camel))})");
                return;
            }

            var retry = new Dictionary<string, string>(StringComparer.Ordinal);
            if (fields.TryGetValue("retry", out var retryNode))
            {
                if (retryNode is YamlMappingNode retryMap)
                {
                    foreach (var (reason, key) in retryMap.Children)
                    {
                        retry[Scalar(reason)] = Scalar(key);
                    }
                }
                else
                {
                    Problem(retryNode, "retry: must map a failure reason to a message key");
                }
            }

            var maxRetries = PromptDefinition.DefaultMaxRetries;
            if (fields.TryGetValue("maxRetries", out var maxNode)
                && (!int.TryParse(Scalar(maxNode), NumberStyles.None, CultureInfo.InvariantCulture, out maxRetries) || maxRetries > 10))
            {
                Problem(maxNode, "maxRetries must be a whole number from 0 to 10");
                maxRetries = PromptDefinition.DefaultMaxRetries;
            }

            var prompt = new PromptDefinition(
                id,
                type,
                text,
                retry,
                fields.TryGetValue("choices", out var choices) ? ReadChoices(choices) : [],
                fields.TryGetValue("choicesFrom", out var from) ? Scalar(from) : null,
                fields.TryGetValue("validators", out var validators) ? Strings(validators) : [],
                maxRetries,
                fields.TryGetValue("optional", out var optional) && Scalar(optional) is "true" or "yes",
                fields.TryGetValue("giveUp", out var giveUp) ? Scalar(giveUp) : null,
                At(map))
            {
                ShareInfoField = fields.TryGetValue("shareInfo", out var share) ? Scalar(share) : null,
                Personal = fields.TryGetValue("personal", out var personal) && Scalar(personal) is "true" or "yes",
                SkipKey = fields.TryGetValue("skip", out var skip) && Scalar(skip) is { } skipKey ? skipKey : MessageKeys.Skip,
            };
            if (prompt.ShareInfoField is { } shared && shared is not ("name" or "phone"))
            {
                Problem(fields["shareInfo"], $"prompt '{id}' takes unknown shareInfo field '{shared}' (expected name or phone)");
            }

            AddUnique(_prompts, id, prompt, fields["id"], "prompt", p => p.Location);
        }

        private List<Choice> ReadChoices(YamlNode node)
        {
            var choices = new List<Choice>();
            ForEach(node, map =>
            {
                var fields = Fields(map, ["value", "title", "synonyms"]);
                var value = Required(map, fields, "value");
                var title = Required(map, fields, "title");
                if (value is not null && title is not null)
                {
                    choices.Add(new Choice(value, title, fields.TryGetValue("synonyms", out var synonyms) ? Strings(synonyms) : []));
                }
            });
            return choices;
        }

        private void ReadConversation(YamlMappingNode map)
        {
            var fields = Fields(map, ["id", "steps"]);
            var id = Required(map, fields, "id");
            if (id is null || !fields.TryGetValue("steps", out var stepsNode))
            {
                if (id is not null)
                {
                    Problem(map, $"conversation '{id}' has no steps:");
                }

                return;
            }

            var steps = new List<StepDefinition>();
            ForEach(stepsNode, step =>
            {
                var stepFields = Fields(step, ["say", "prompt", "action", "dialog", "goto", "end", "saveAs", "when", "id"]);
                var kinds = stepFields.Keys.Where(k => k is "say" or "prompt" or "action" or "dialog" or "goto" or "end").ToList();
                if (kinds.Count != 1)
                {
                    Problem(step, "a step needs exactly one of say, prompt, action, dialog, goto, end");
                    return;
                }

                var kind = Enum.Parse<StepKind>(kinds[0], ignoreCase: true);
                steps.Add(new StepDefinition(
                    kind,
                    Scalar(stepFields[kinds[0]]),
                    stepFields.TryGetValue("saveAs", out var saveAs) ? Scalar(saveAs) : null,
                    stepFields.TryGetValue("when", out var when) ? Scalar(when) : null,
                    stepFields.TryGetValue("id", out var stepId) ? Scalar(stepId) : null,
                    At(stepFields[kinds[0]])));
            });

            if (_prompts.ContainsKey(id))
            {
                Problem(fields["id"], $"conversation '{id}' has the same id as a prompt");
                return;
            }

            AddUnique(_conversations, id, new ConversationDefinition(id, steps, At(map)), fields["id"], "conversation", c => c.Location);
        }

        private void CheckPrompt(PromptDefinition prompt, DefinitionRequirements requirements)
        {
            CheckMessage(prompt.TextKey, prompt.Location, $"prompt '{prompt.Id}' text");
            foreach (var (reason, key) in prompt.RetryKeys)
            {
                CheckMessage(key, prompt.Location, $"prompt '{prompt.Id}' retry for '{reason}'");
            }

            if (prompt.GiveUpKey is not null)
            {
                CheckMessage(prompt.GiveUpKey, prompt.Location, $"prompt '{prompt.Id}' giveUp");
            }

            CheckSkip(prompt);

            foreach (var validator in prompt.Validators.Where(v => !requirements.Validators.Contains(v)))
            {
                _problems.Add($"{prompt.Location}: prompt '{prompt.Id}' uses unknown validator '{validator}' (known: {string.Join(", ", requirements.Validators.Order())})");
            }

            if (prompt.ChoicesFrom is not null && !requirements.ChoiceSources.Contains(prompt.ChoicesFrom))
            {
                _problems.Add($"{prompt.Location}: prompt '{prompt.Id}' takes choices from unknown source '{prompt.ChoicesFrom}'");
            }

            if (prompt.Type == PromptType.Choice && prompt.Choices.Count == 0 && prompt.ChoicesFrom is null)
            {
                _problems.Add($"{prompt.Location}: choice prompt '{prompt.Id}' has no choices and no choicesFrom");
            }
        }

        private void CheckConversation(ConversationDefinition conversation, DefinitionRequirements requirements)
        {
            var saved = conversation.Steps.Where(s => s.SaveAs is not null).Select(s => s.SaveAs!).ToHashSet(StringComparer.Ordinal);
            foreach (var step in conversation.Steps)
            {
                var where = $"{step.Location}: conversation '{conversation.Id}'";
                switch (step.Kind)
                {
                    case StepKind.Say:
                        CheckMessage(step.Target, step.Location, $"conversation '{conversation.Id}' says");
                        break;
                    case StepKind.Prompt when !_prompts.ContainsKey(step.Target):
                        _problems.Add($"{where} asks unknown prompt '{step.Target}'");
                        break;
                    case StepKind.Action when !requirements.Actions.Contains(step.Target):
                        _problems.Add($"{where} runs unknown action '{step.Target}'");
                        break;
                    case StepKind.Dialog when !_conversations.ContainsKey(step.Target):
                        _problems.Add($"{where} starts unknown conversation '{step.Target}'");
                        break;
                    case StepKind.Goto when conversation.IndexOf(step.Target) < 0:
                        _problems.Add($"{where} jumps to unknown step '{step.Target}'");
                        break;
                }

                foreach (var name in step.When is { } when ? Dialogs.Scripted.ScriptedConversation.NamesIn(when) : [])
                {
                    if (!saved.Contains(name))
                    {
                        _problems.Add($"{where} tests '{name}', which no step saves");
                    }
                }
            }
        }

        /// <summary>An optional prompt's skip button sends its label, so the label must read as a skip.</summary>
        private void CheckSkip(PromptDefinition prompt)
        {
            if (!prompt.Optional)
            {
                if (prompt.SkipKey != MessageKeys.Skip)
                {
                    _problems.Add($"{prompt.Location}: prompt '{prompt.Id}' has skip: but is not optional: (it would show no skip button)");
                }

                return;
            }

            CheckMessage(prompt.SkipKey, prompt.Location, $"prompt '{prompt.Id}' skip");
            if (_messages.TryGetValue(prompt.SkipKey, out var label) && !SkipRecognizer.IsSkip(label.Text))
            {
                _problems.Add($"{prompt.Location}: prompt '{prompt.Id}' skip button '{label.Text}' ({prompt.SkipKey}) is not a word the bot reads as skipping (see SkipRecognizer)");
            }
        }

        private void CheckMessage(string key, SourceLocation at, string what)
        {
            if (!_messages.ContainsKey(key))
            {
                _problems.Add($"{at}: {what} refers to missing message '{key}'");
            }
        }

        private void AddUnique<T>(Dictionary<string, T> target, string id, T value, YamlNode at, string kind, Func<T, SourceLocation> locationOf)
        {
            if (target.TryGetValue(id, out var first))
            {
                Problem(at, $"{kind} id '{id}' is defined twice (first at {locationOf(first)})");
                return;
            }

            target[id] = value;
        }

        private void ForEach(YamlNode node, Action<YamlMappingNode> read)
        {
            if (node is not YamlSequenceNode sequence)
            {
                Problem(node, "expected a list");
                return;
            }

            foreach (var item in sequence.Children)
            {
                if (item is YamlMappingNode map)
                {
                    read(map);
                }
                else
                {
                    Problem(item, "expected a mapping");
                }
            }
        }

        private Dictionary<string, YamlNode> Fields(YamlMappingNode map, string[] allowed)
        {
            var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            foreach (var (key, value) in map.Children)
            {
                var name = Scalar(key);
                if (!allowed.Contains(name))
                {
                    Problem(key, $"unknown field '{name}' (expected {string.Join(", ", allowed)})");
                    continue;
                }

                fields[name] = value;
            }

            return fields;
        }

        private string? Required(YamlMappingNode map, Dictionary<string, YamlNode> fields, string name)
        {
            if (fields.TryGetValue(name, out var node) && Scalar(node) is { Length: > 0 } value)
            {
                return value;
            }

            Problem(map, $"missing '{name}'");
            return null;
        }

        private List<string> Strings(YamlNode node)
        {
            if (node is YamlSequenceNode sequence)
            {
                return [.. sequence.Children.Select(Scalar)];
            }

            Problem(node, "expected a list");
            return [];
        }

        private static string Scalar(YamlNode node) => node is YamlScalarNode scalar ? scalar.Value ?? string.Empty : string.Empty;

        private SourceLocation At(YamlNode node) => new(_file, (int)node.Start.Line);

        private void Problem(YamlNode node, string message) => _problems.Add($"{At(node)}: {message}");

        private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
    }
}
