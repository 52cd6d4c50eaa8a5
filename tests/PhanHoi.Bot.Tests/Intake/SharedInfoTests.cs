using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Definitions;
using PhanHoi.Bot.Dialogs.Prompts;
using PhanHoi.Bot.Intake;
using PhanHoi.Bot.Tests.Support;
using PhanHoi.Bot.Tests.Turns;
using PhanHoi.Bot.Turns;
using PhanHoi.Bot.Workflow.Citizens;
using PhanHoi.Bot.Workflow.Directory;

namespace PhanHoi.Bot.Tests.Intake;

/// <summary>A platform's shared-details card (Zalo <c>user_submit_info</c> as a <c>shareInfo</c> event) answers the name and phone prompts.</summary>
public sealed class SharedInfoTests : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly RecordingSender _sender = new();

    public SharedInfoTests()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Bot:RateLimit:PermitLimit"] = "100" })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<ICitizenBarList>(sp => new BarredCitizensCache(new PipelineHarness.InMemoryAccounts(), TimeProvider.System));
        services.AddSingleton<IDirectoryRepository, FakeDirectory>();
        services.AddSingleton<ICitizenCaseDesk>(new FakeCaseDesk());
        services.AddSingleton<PhanHoi.Bot.Workflow.Privacy.IPersonalDataProtector, AesGcmTestProtector>();
        services.AddBotCore(configuration);
        _services = services.BuildServiceProvider();
    }

    public void Dispose() => _services.Dispose();

    private MessageCatalog Texts => _services.GetRequiredService<MessageCatalog>();

    private Task SendAsync(Activity activity) =>
        _services.GetRequiredService<ActivityProcessor>().ProcessAsync(activity, _sender, CancellationToken.None);

    private static Activity Shared(string user, string? name, string? phone)
    {
        var activity = Messages.From(user, null, "zalo");
        activity.Type = ActivityTypes.Event;
        activity.Name = SharedInfo.EventName;
        activity.Value = JsonSerializer.SerializeToElement(new Dictionary<string, string?> { ["name"] = name, ["phone"] = phone });
        return activity;
    }

    private async Task ReachNamePromptAsync(string user)
    {
        foreach (var text in new[] { "hi", "Gửi phản ánh", "giao thong", "Đường Lê Lợi đoạn trước số 120 có ổ gà lớn, xe máy dễ ngã, đề nghị sửa sớm.", "bỏ qua" })
        {
            await SendAsync(Messages.From(user, text, "zalo"));
        }

        Assert.Equal(Texts.Render("intake.name.ask"), _sender.Texts[^1]);
    }

    [Fact]
    public async Task One_card_answers_the_name_and_the_phone_prompt()
    {
        await ReachNamePromptAsync("z1");

        await SendAsync(Shared("z1", "Nguyễn Văn An", "+84912345678"));

        Assert.Equal(Texts.Render("intake.tax.ask"), _sender.Texts[^1]);
        Assert.DoesNotContain(Texts.Render("intake.phone.ask"), _sender.Texts);
    }

    [Fact]
    public async Task A_card_without_a_usable_phone_answers_the_name_and_the_phone_is_asked()
    {
        await ReachNamePromptAsync("z2");

        await SendAsync(Shared("z2", "Nguyễn Văn An", null));

        Assert.Equal(Texts.Render("intake.phone.ask"), _sender.Texts[^1]);
    }

    [Fact]
    public async Task A_card_outside_a_name_or_phone_question_changes_nothing()
    {
        await SendAsync(Messages.From("z3", "hi", "zalo"));
        var before = _sender.Texts.Count;

        await SendAsync(Shared("z3", "Nguyễn Văn An", "+84912345678"));

        Assert.Equal(before, _sender.Texts.Count);
        await SendAsync(Messages.From("z3", "Gửi phản ánh", "zalo"));
        Assert.Equal(Texts.Render("intake.category.ask"), _sender.Texts[^1]);
    }
}
