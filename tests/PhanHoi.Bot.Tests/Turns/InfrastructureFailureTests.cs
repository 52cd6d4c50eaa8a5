using System.Data.Common;
using PhanHoi.Bot.Turns.Errors;

namespace PhanHoi.Bot.Tests.Turns;

/// <summary>Which failures leave a message for another attempt instead of an apology.</summary>
public sealed class InfrastructureFailureTests
{
    [Theory]
    [InlineData("57P01", true)] // admin_shutdown: PostgreSQL restarting
    [InlineData("57P03", true)] // cannot_connect_now: still starting
    [InlineData("08006", true)] // connection_failure
    [InlineData("53300", true)] // too_many_connections
    [InlineData("23505", false)] // unique_violation: a bug or a real conflict, not the infrastructure
    [InlineData("42P01", false)] // undefined_table
    public void A_database_error_is_transient_by_its_sqlstate_class(string sqlState, bool transient) =>
        Assert.Equal(transient, InfrastructureFailure.IsTransient(new StateException(sqlState)));

    [Fact]
    public void A_transient_failure_wrapped_in_another_is_still_transient() =>
        Assert.True(InfrastructureFailure.IsTransient(new InvalidOperationException("wrapped", new StateException("57P01"))));

    [Fact]
    public void A_state_write_that_lost_to_another_writer_is_worth_trying_again() =>
        Assert.True(InfrastructureFailure.IsTransient(new PhanHoi.Bot.State.StateConflictException("etag mismatch")));

    private sealed class StateException(string sqlState) : DbException("server said no")
    {
        public override string? SqlState { get; } = sqlState;
    }
}
