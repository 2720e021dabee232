package org.zhsz.archive;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.zhsz.archive.DossierContent.Dimension;
import org.zhsz.archive.DossierContent.Entry;
import org.zhsz.archive.DossierContent.Fitness;
import org.zhsz.archive.DossierContent.FitnessYear;
import org.zhsz.archive.DossierContent.School;
import org.zhsz.archive.DossierContent.Section;
import org.zhsz.archive.DossierContent.Signature;
import org.zhsz.archive.DossierContent.SignatureRole;
import org.zhsz.archive.DossierContent.Student;
import org.zhsz.archive.DossierContent.Term;

/** Realistic dossiers for tests and the PDF benchmark (public for bench/, which compiles with the tests). */
public final class SampleDossiers {

    public static final String NAME = "李䶮";
    public static final String SCHOOL = "泾源县第一中学";
    public static final VerificationCode CODE = new VerificationCode("K7QH2M9XPA4T");

    /** 811 Chinese characters: long enough to run over a page break. */
    public static final String SELF_STATEMENT = """
            回顾这一学年，我在老师的引导和同学的帮助下，在思想、学习、身体和劳动等方面都有了新的收获，也更清楚地认识到自己的不足。
            在思想品德方面，我担任班级升旗手，每周一站在国旗下，心里都充满自豪。我积极参加学雷锋志愿服务，和同学们一起到敬老院打扫卫生、为老人读报，体会到帮助别人也是在成就自己。我遵守校规校纪，尊敬师长，团结同学，能主动承担班级事务，被评为校级三好学生。我知道荣誉只是新的起点，今后还要更加严格要求自己，在细节上做得更好。
            在学业方面，我对数学最感兴趣，课后常常和同学讨论难题，在县数学竞赛中获得二等奖。我参加了“黄河流域生态保护”研究性学习小组，负责查阅资料和整理数据，学会了制订计划、分工合作和撰写报告。我的英语口语还不够流利，作文也常常词不达意。本学期我坚持每天早读二十分钟，每周写一篇短文请老师批改，已经有了一些进步，下学期要继续坚持，争取在听说方面有更大提高。
            在身心健康方面，我每天坚持长跑，在县中学生田径运动会一千五百米比赛中获得第三名。篮球是我最喜欢的运动，现在已经能在比赛中完成基本的战术配合。遇到考试失利时，我会主动找老师和家长谈心，学着调整心态，把压力变成动力。我也学会了合理安排作息，保证睡眠，不再熬夜赶作业。课间我常和同学们一起踢毽子、跳绳，既放松了心情，也增进了友谊，让我在紧张的学习中始终保持积极乐观的状态。
            在艺术素养方面，我是学校合唱团的成员，和同学们一起排练的《我和我的祖国》在“红五月”合唱比赛中获得一等奖。我还跟着奶奶学习回族刺绣，参加了学校的刺绣社团，作品在校园艺术节上展出。通过这些活动，我感受到了家乡民族文化的美，也愿意把它介绍给更多的人。
            在劳动与社会实践方面，我每周为家人做两次饭，周末帮助父母打理院子里的菜地。春季学校组织到泾河源镇参加苗木种植，我和同学们一起挖坑、栽苗、浇水，虽然很累，却真正体会到“一分耕耘，一分收获”的道理。暑假里我参加了固原博物馆研学旅行，了解了家乡悠久的历史。
            新的学期，我希望自己在学习上更加踏实，继续发挥特长，弥补短板，多读书、读好书，做一个有担当、有爱心、全面发展的中学生，不辜负老师和家长的殷切期望，为家乡的发展贡献自己的力量。
            """;

    private SampleDossiers() {
    }

    /** 李䶮's junior-secondary dossier: two locked terms, every dimension, fitness, all signatures. */
    public static DossierContent li() {
        return li(CODE);
    }

    public static DossierContent li(VerificationCode code) {
        Student student = new Student(NAME, "男", "回族", "G640424********0123", "九年级（3）班", "初中", 2022, 2025);
        Term first = new Term("2023—2024学年第一学期", List.of(
                section(Dimension.MORAL,
                        entry("担任班级升旗手，在“国旗下讲话”中作《青春向党 奋斗强国》主题发言", "2023-09-18", "校级", "优秀", null),
                        entry("参加泾源县“学雷锋·志愿服务进社区”活动，到县敬老院打扫卫生、为老人读报", "2023-10-14", "县级", null, "4"),
                        entry("被评为校级“三好学生”", "2024-01-10", "校级", "三好学生", null)),
                section(Dimension.ACADEMIC,
                        entry("泾源县初中数学学科竞赛", "2023-11-25", "县级", "二等奖", null),
                        entry("完成研究性学习课题《黄河流域生态保护现状调查》，负责资料查阅与数据整理", "2023-12-20", "校级", "优秀", "12"),
                        entry("校英语演讲比赛", "2023-12-08", "校级", "三等奖", null)),
                section(Dimension.HEALTH,
                        entry("泾源县中学生田径运动会男子 1500 米", "2023-10-20", "县级", "第三名", null),
                        entry("运动技能测评：篮球", "2023-12-15", "校级", "合格", null),
                        entry("学校冬季长跑活动，累计完成 60 公里", "2024-01-05", "校级", null, "15")),
                section(Dimension.ARTS,
                        entry("学校合唱团成员，参加“红五月”合唱比赛演唱《我和我的祖国》", "2023-11-10", "校级", "一等奖", "16"),
                        entry("回族刺绣社团，作品在校园艺术节展出", "2023-12-28", "校级", "展出", "20")),
                section(Dimension.LABOUR_PRACTICE,
                        entry("家庭劳动：每周为家人做饭两次，打理菜地", null, null, null, "30"),
                        entry("泾河源镇苗木种植劳动实践", "2023-10-28", "县级", null, "8"),
                        entry("固原博物馆研学旅行", "2023-11-18", "市级", null, "6.5"))),
                SELF_STATEMENT,
                "该生思想上进，担任升旗手认真负责，乐于参加志愿服务；学习主动，数学思维活跃，研究性学习中表现出较强的"
                        + "合作与探究能力；坚持体育锻炼，积极参加合唱与刺绣社团，热爱家乡文化；劳动态度端正。希望今后加强英语"
                        + "听说训练，在保持优势的同时补齐短板。",
                signatures("2024-01-15", "2024-01-16", "2024-01-17", "2024-01-19"));
        Term second = new Term("2023—2024学年第二学期", List.of(
                section(Dimension.MORAL,
                        entry("参加清明节“缅怀革命先烈”祭扫活动并撰写感想", "2024-04-03", "校级", null, "3")),
                section(Dimension.ACADEMIC,
                        entry("固原市中学生物理实验操作比赛", "2024-05-16", "市级", "三等奖", null),
                        entry("阅读《红星照耀中国》并完成读书报告", "2024-06-10", "校级", "优秀", null)),
                section(Dimension.HEALTH,
                        entry("校春季运动会 4×400 米接力", "2024-04-26", "校级", "第一名", null)),
                section(Dimension.ARTS,
                        entry("书法作品《沁园春·雪》入选泾源县中小学生书画展", "2024-05-30", "县级", "入选", null)),
                section(Dimension.LABOUR_PRACTICE,
                        entry("学校劳动周：校园绿化带除草与浇灌", "2024-05-08", "校级", null, "10"),
                        entry("六盘山红军长征纪念馆志愿讲解", "2024-07-12", "市级", null, "12"))),
                "本学期我在物理实验比赛中获得三等奖，学会了严谨地记录和分析数据。我坚持每天早读英语，口语有了进步。"
                        + "劳动周中我和同学们一起整理校园绿化带，暑假到六盘山红军长征纪念馆做志愿讲解员，"
                        + "讲好长征故事让我更加理解了坚持的意义。",
                "该生本学期进步明显，英语学习方法得当，实验操作规范；志愿讲解中表达清楚、仪态大方。望继续保持。",
                signatures("2024-07-01", "2024-07-02", "2024-07-03", "2024-07-05"));
        Fitness fitness = new Fitness(List.of(
                new FitnessYear("2022—2023学年", "七年级", new BigDecimal("82.5"), "良好"),
                new FitnessYear("2023—2024学年", "八年级", new BigDecimal("86.0"), "良好"),
                new FitnessYear("2024—2025学年", "九年级", new BigDecimal("91.2"), "优秀")),
                new BigDecimal("88.0"), "良好");
        return new DossierContent(
                new School(SCHOOL, "宁夏回族自治区泾源县教育体育局"),
                student,
                List.of(first, second),
                fitness,
                List.of(new Signature(SignatureRole.PRINCIPAL, "马建国", LocalDate.parse("2025-06-20"))),
                code,
                "https://zhsz.jingyuan.edu.cn/verify/" + code.value(),
                Instant.parse("2025-06-30T02:00:00Z"));
    }

    private static List<Signature> signatures(String student, String guardian, String headTeacher, String principal) {
        return List.of(
                new Signature(SignatureRole.STUDENT, NAME, LocalDate.parse(student)),
                new Signature(SignatureRole.GUARDIAN, "李永福", LocalDate.parse(guardian)),
                new Signature(SignatureRole.HEAD_TEACHER, "王淑芳", LocalDate.parse(headTeacher)),
                new Signature(SignatureRole.PRINCIPAL, "马建国", LocalDate.parse(principal)));
    }

    private static Section section(Dimension d, Entry... entries) {
        return new Section(d, List.of(entries));
    }

    private static Entry entry(String title, String date, String level, String award, String hours) {
        return new Entry(title, date == null ? null : LocalDate.parse(date), level, award,
                hours == null ? null : new BigDecimal(hours));
    }
}
