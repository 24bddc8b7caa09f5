import { scanFigures } from '../server/src/engine/model/figures';
import { parseChineseNumeral } from '../server/src/engine/util/numerals';
console.log(parseChineseNumeral('一百零六'), parseChineseNumeral('二百零一'));
console.log(scanFigures('交通运输建设项目是一百零六个，商业建设项目是四十七个').map((f) => f.text));
