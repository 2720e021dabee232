package org.zhsz.student;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The roster import's template: the columns the import reads, in its order, an example row (its 学籍号 starts with
 * "示例", which the import skips), drop-down lists for 性别, 民族, 班级 (the school's classes this term) and 监护人关系,
 * date and text formats that Excel keeps, and a sheet of instructions. Blocking; small.
 */
final class RosterTemplate {

    static final List<String> COLUMNS = List.of("学籍号", "姓名", "性别", "出生日期", "民族", "班级", "学生账号",
            "监护人姓名", "监护人关系", "监护人电话", "监护人账号");
    static final List<String> RELATIONS = List.of("父亲", "母亲", "祖父", "祖母", "外祖父", "外祖母", "其他监护人");
    private static final int ROWS = 2000;

    private RosterTemplate() {
    }

    static byte[] write(List<String> classNames) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("学生名册");
            Sheet lists = wb.createSheet("选项");
            Sheet help = wb.createSheet("填写说明");

            CellStyle head = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            head.setFont(bold);
            head.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
            head.setFillPattern(org.apache.poi.ss.usermodel.FillPatternType.SOLID_FOREGROUND);
            CellStyle text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle example = wb.createCellStyle();
            Font grey = wb.createFont();
            grey.setItalic(true);
            grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            example.setFont(grey);
            example.setDataFormat(wb.createDataFormat().getFormat("@"));

            Row h = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                var c = h.createCell(i);
                c.setCellValue(COLUMNS.get(i));
                c.setCellStyle(head);
                sheet.setColumnWidth(i, (i == 0 ? 24 : 13) * 256);
                // 学籍号, 账号 and phone numbers as text, so Excel keeps leading zeros and long digits
                if (i == 0 || i == 6 || i == 9 || i == 10) {
                    sheet.setDefaultColumnStyle(i, text);
                } else if (i == 3) {
                    sheet.setDefaultColumnStyle(i, date);
                }
            }
            List<String> sample = List.of(RosterImport.EXAMPLE + "G620423201309015611", "马小明", "男", "2013-09-01",
                    "回族", classNames.isEmpty() ? "七年级(1)班" : classNames.get(0), "", "马建军", "父亲", "13900000000",
                    "");
            Row ex = sheet.createRow(1);
            for (int i = 0; i < sample.size(); i++) {
                var c = ex.createCell(i);
                c.setCellValue(sample.get(i));
                c.setCellStyle(example);
            }
            sheet.createFreezePane(1, 1);

            List<List<String>> columns = List.of(List.of("男", "女"), new ArrayList<>(StudentRules.ETHNICITIES.stream()
                    .sorted(java.text.Collator.getInstance(java.util.Locale.CHINA)).toList()), classNames, RELATIONS);
            String[] names = {"性别选项", "民族选项", "班级选项", "关系选项"};
            int[] targets = {2, 4, 5, 8};
            DataValidationHelper dv = sheet.getDataValidationHelper();
            for (int k = 0; k < columns.size(); k++) {
                List<String> values = columns.get(k);
                if (values.isEmpty()) {
                    continue;
                }
                for (int r = 0; r < values.size(); r++) {
                    Row row = lists.getRow(r) != null ? lists.getRow(r) : lists.createRow(r);
                    row.createCell(k).setCellValue(values.get(r));
                }
                Name name = wb.createName();
                name.setNameName(names[k]);
                String col = String.valueOf((char) ('A' + k));
                name.setRefersToFormula("'选项'!$" + col + "$1:$" + col + "$" + values.size());
                DataValidationConstraint list = dv.createFormulaListConstraint(names[k]);
                DataValidation v = dv.createValidation(list, new CellRangeAddressList(1, ROWS, targets[k], targets[k]));
                v.setShowErrorBox(k != 1 && k != 3); // 民族 and 关系 may hold rarer values; others must match
                v.createErrorBox("请从列表中选择", "请从下拉列表中选择" + COLUMNS.get(targets[k]) + "。");
                sheet.addValidationData(v);
            }
            DataValidationConstraint dates = dv.createDateConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                    "DATE(1990,1,1)", "DATE(2030,12,31)", "yyyy-mm-dd");
            DataValidation dateCheck = dv.createValidation(dates, new CellRangeAddressList(1, ROWS, 3, 3));
            dateCheck.setShowErrorBox(true);
            dateCheck.createErrorBox("日期格式", "出生日期请填写日期，如 2013-09-01。");
            sheet.addValidationData(dateCheck);
            wb.setSheetHidden(wb.getSheetIndex(lists), true);

            String[] notes = {
                "学生名册导入说明",
                "1. 第一行是表头，请勿修改列名；列的顺序可以调整，多余的列不会导入。",
                "2. 必填：学籍号、姓名、性别、出生日期、班级。其余可留空。",
                "3. 学籍号为 1 位字母加 18 位身份证号（如 G620423201309015611）；学籍号在本校已存在时更新该学生。",
                "4. 班级须是本校本学期的班级名称，可从下拉列表中选择。",
                "5. 以“示例”开头的行不会导入，可以保留或删除。",
                "6. 同一文件重复导入不会产生重复学生；有问题的行会单独列出原因，其余行照常导入。",
                "7. 导入后可下载“未导入的行”，改正后直接再次上传。",
            };
            for (int i = 0; i < notes.length; i++) {
                help.createRow(i).createCell(0).setCellValue(notes[i]);
            }
            help.setColumnWidth(0, 100 * 256);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
