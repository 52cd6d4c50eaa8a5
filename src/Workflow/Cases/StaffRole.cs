namespace PhanHoi.Bot.Workflow.Cases;

public enum StaffRole
{
    Reception,
    Handler,
    Supervisor,
    Admin,
}
