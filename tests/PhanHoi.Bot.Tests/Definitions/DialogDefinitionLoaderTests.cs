using Microsoft.Extensions.DependencyInjection;
using PhanHoi.Bot.Definitions;
using PhanHoi.Bot.Dialogs;
using PhanHoi.Bot.Dialogs.Prompts;
using PhanHoi.Bot.Dialogs.Scripted;
using PhanHoi.Bot.Dialogs.Validators;
using PhanHoi.Bot.Intake;
using PhanHoi.Bot.Tests.Intake;
using PhanHoi.Bot.Tests.Support;
using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Tests.Definitions;

public sealed class DialogDefinitionLoaderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "phanhoi-dialogs-" + Guid.NewGuid().ToString("N"), "dialogs");

    public DialogDefinitionLoaderTests()
    {
        Directory.CreateDirectory(_folder);
        foreach (var file in Directory.GetFiles(DialogsFolder.Path, "*.yaml"))
        {
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
        }
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_folder)!, recursive: true);

    private static readonly ServiceProvider Services = BotServices.Build(new FakeCaseDesk());

    /// <summary>Every validator, action and choice source the bot registers, as the loader checks them at start.</summary>
    internal static DialogSetFactory Factory() => Services.GetRequiredService<DialogSetFactory>();

    private DialogDefinitions Load() => DialogDefinitionLoader.Load(_folder, Factory().Requirements);

    private string ProblemsWith(string fileName, string yaml)
    {
        File.WriteAllText(Path.Combine(_folder, fileName), yaml);
        return Assert.Throws<DialogDefinitionException>(Load).Message;
    }

    [Fact]
    public void Shipped_dialogs_load_and_build_every_dialog()
    {
        var definitions = Load();
        var dialogs = Factory().Create(definitions);

        Assert.True(dialogs.Contains(DialogBot.RootDialogId));
        Assert.True(dialogs.Contains("intake"));
        Assert.All(definitions.Prompts.Keys, id => Assert.True(dialogs.Contains(id)));
    }

    [Fact]
    public void Every_notice_kind_has_a_template()
    {
        var texts = Load().Messages;

        Assert.All(Enum.GetValues<NoticeKind>(), kind => Assert.Contains("{code}", texts.Render(MessageKeys.Notice(kind)), StringComparison.Ordinal));
    }

    [Fact]
    public void Texts_address_the_citizen_as_ong_ba_consistently()
    {
        var texts = Load().Messages;

        Assert.All(texts.Keys, key => Assert.DoesNotContain(" bạn", texts.Render(key), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Unknown_prompt_type_names_file_and_line()
    {
        var message = ProblemsWith("broken.yaml", """
            prompts:
              - id: x.ask
                type: dropdown
                text: menu.ask
            """);

        Assert.Contains("dialogs/broken.yaml:3: prompt 'x.ask' has unknown type 'dropdown'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prompt_text_key_missing_from_messages_names_file_and_line()
    {
        var message = ProblemsWith("broken.yaml", """
            prompts:
              - id: x.ask
                type: text
                text: x.nowhere
            """);

        Assert.Contains("dialogs/broken.yaml:2: prompt 'x.ask' text refers to missing message 'x.nowhere'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_validator_names_file_and_line()
    {
        var message = ProblemsWith("broken.yaml", """
            prompts:
              - id: x.ask
                type: text
                text: menu.ask
                validators: [fullName, isPrime]
            """);

        Assert.Contains("dialogs/broken.yaml:2: prompt 'x.ask' uses unknown validator 'isPrime'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_prompt_id_names_the_second_definition()
    {
        var message = ProblemsWith("zz-broken.yaml", """
            prompts:
              - id: intake.phone
                type: phone
                text: intake.phone.ask
            """);

        Assert.Matches(@"dialogs/zz-broken\.yaml:2: prompt id 'intake\.phone' is defined twice \(first at dialogs/prompts\.yaml:\d+\)", message);
    }

    [Fact]
    public void Duplicate_message_key_points_at_the_first_one()
    {
        var message = ProblemsWith("zz.yaml", """
            messages:
              menu.ask: "Lại lần nữa"
            """);

        Assert.Matches(@"dialogs/zz\.yaml:2: message 'menu\.ask' is defined twice \(first at dialogs/messages\.vi\.yaml:\d+\)", message);
    }

    [Fact]
    public void Step_saying_a_missing_message_names_file_and_line()
    {
        var message = ProblemsWith("broken.yaml", """
            conversations:
              - id: other
                steps:
                  - say: global.welcome
                  - say: other.missing
            """);

        Assert.Contains("dialogs/broken.yaml:5: conversation 'other' says refers to missing message 'other.missing'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Step_asking_an_unknown_prompt_or_running_an_unknown_action_is_refused()
    {
        var message = ProblemsWith("broken.yaml", """
            conversations:
              - id: other
                steps:
                  - prompt: nope
                    saveAs: a
                  - action: launchRocket
                    when: a
            """);

        Assert.Contains("dialogs/broken.yaml:4: conversation 'other' asks unknown prompt 'nope'", message, StringComparison.Ordinal);
        Assert.Contains("dialogs/broken.yaml:6: conversation 'other' runs unknown action 'launchRocket'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Skip_button_must_exist_read_as_a_skip_and_belong_to_an_optional_prompt()
    {
        var message = ProblemsWith("broken.yaml", """
            messages:
              other.ask: "Ảnh?"
              other.later: "Để sau nhé"
            prompts:
              - id: other.missing
                type: text
                text: other.ask
                optional: true
                skip: other.nowhere
              - id: other.unread
                type: text
                text: other.ask
                optional: true
                skip: other.later
              - id: other.required
                type: text
                text: other.ask
                skip: other.later
            """);

        Assert.Contains("dialogs/broken.yaml:5: prompt 'other.missing' skip refers to missing message 'other.nowhere'", message, StringComparison.Ordinal);
        Assert.Contains("dialogs/broken.yaml:10: prompt 'other.unread' skip button 'Để sau nhé' (other.later) is not a word the bot reads as skipping", message, StringComparison.Ordinal);
        Assert.Contains("dialogs/broken.yaml:15: prompt 'other.required' has skip: but is not optional:", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Condition_on_a_value_no_step_saves_is_refused()
    {
        var message = ProblemsWith("broken.yaml", """
            conversations:
              - id: other
                steps:
                  - say: global.welcome
                    when: ghost
            """);

        Assert.Contains("dialogs/broken.yaml:4: conversation 'other' tests 'ghost', which no step saves", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_part_of_a_joined_condition_is_checked()
    {
        var message = ProblemsWith("broken.yaml", """
            conversations:
              - id: other
                steps:
                  - prompt: menu
                    saveAs: choice
                  - say: global.welcome
                    when: "choice=file & !ghost"
            """);

        Assert.Contains("dialogs/broken.yaml:6: conversation 'other' tests 'ghost', which no step saves", message, StringComparison.Ordinal);
        Assert.DoesNotContain("'choice'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_yaml_names_file_and_line()
    {
        var message = ProblemsWith("broken.yaml", "messages:\n  a: \"ok\"\n  b: [unclosed\n");

        Assert.Contains("dialogs/broken.yaml:", message, StringComparison.Ordinal);
        Assert.Contains("not valid YAML", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_required_message_is_reported()
    {
        var path = Path.Combine(_folder, "messages.vi.yaml");
        File.WriteAllLines(path, File.ReadAllLines(path).Where(l => !l.TrimStart().StartsWith("error.apology:", StringComparison.Ordinal)));

        var message = Assert.Throws<DialogDefinitionException>(Load).Message;

        Assert.Contains("the message 'error.apology' is required", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_field_is_a_typo_not_silence()
    {
        var message = ProblemsWith("broken.yaml", """
            prompts:
              - id: x.ask
                type: text
                txt: menu.ask
            """);

        Assert.Contains("dialogs/broken.yaml:4: unknown field 'txt'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_sentence_is_picked_up_without_rebuilding()
    {
        var path = Path.Combine(_folder, "messages.vi.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("Ông/Bà muốn làm gì?", "Ông/Bà cần hỗ trợ gì?", StringComparison.Ordinal));

        Assert.Equal("Ông/Bà cần hỗ trợ gì?", Load().Messages.Render("menu.ask"));
    }
}
