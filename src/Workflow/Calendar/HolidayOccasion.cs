namespace PhanHoi.Bot.Workflow.Calendar;

/// <summary>The public holidays of Labor Code 2019 Art. 112(1).</summary>
public enum HolidayOccasion
{
    /// <summary>Tết Dương lịch, 1/1.</summary>
    NewYearsDay,

    /// <summary>Tết Âm lịch (Tết Nguyên Đán), 5 days around lunar new year.</summary>
    LunarNewYear,

    /// <summary>Giỗ Tổ Hùng Vương, 10/3 lunar.</summary>
    HungKingsCommemoration,

    /// <summary>Ngày Chiến thắng, 30/4.</summary>
    ReunificationDay,

    /// <summary>Ngày Quốc tế Lao động, 1/5.</summary>
    InternationalLabourDay,

    /// <summary>Quốc khánh, 2/9 and one adjacent day.</summary>
    NationalDay,
}
