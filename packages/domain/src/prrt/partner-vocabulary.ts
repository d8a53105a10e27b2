import type { CombinationCategory } from '../trial.schema.js';

/**
 * PRRT combination partners, as data: each spelling group gives the canonical partner name(s) and the
 * combination category. Spellings are matched folded (fold-text.ts). Sources: /work/shared/domain/README.md
 * (Table 2's partners), the seed review, and drug names and codes as trial registrations print them.
 */
export const PARTNERS: ReadonlyArray<{
  category: CombinationCategory;
  partners: string[];
  spellings: string[];
}> = [
  // Chemotherapy
  { category: 'chemotherapy', partners: ['capecitabine'], spellings: ['capecitabine', 'Xeloda'] },
  {
    category: 'chemotherapy',
    partners: ['temozolomide'],
    spellings: ['temozolomide', 'Temodar', 'Temodal', 'TMZ'],
  },
  { category: 'chemotherapy', partners: ['capecitabine', 'temozolomide'], spellings: ['CAPTEM', 'CAP-TEM'] },
  {
    category: 'chemotherapy',
    partners: ['5-fluorouracil'],
    spellings: ['5-fluorouracil', 'fluorouracil', '5-FU', 'Adrucil'],
  },
  { category: 'chemotherapy', partners: ['5-fluorouracil', 'oxaliplatin'], spellings: ['FOLFOX'] },
  { category: 'chemotherapy', partners: ['5-fluorouracil', 'irinotecan'], spellings: ['FOLFIRI'] },
  {
    category: 'chemotherapy',
    partners: ['5-fluorouracil', 'irinotecan', 'oxaliplatin'],
    spellings: ['FOLFIRINOX'],
  },
  { category: 'chemotherapy', partners: ['capecitabine', 'oxaliplatin'], spellings: ['CAPOX', 'XELOX'] },
  { category: 'chemotherapy', partners: ['oxaliplatin'], spellings: ['oxaliplatin', 'Eloxatin'] },
  { category: 'chemotherapy', partners: ['irinotecan'], spellings: ['irinotecan', 'Camptosar'] },
  { category: 'chemotherapy', partners: ['cisplatin'], spellings: ['cisplatin'] },
  { category: 'chemotherapy', partners: ['carboplatin'], spellings: ['carboplatin'] },
  { category: 'chemotherapy', partners: ['etoposide'], spellings: ['etoposide', 'VP-16'] },
  {
    category: 'chemotherapy',
    partners: ['streptozocin'],
    spellings: ['streptozocin', 'streptozotocin', 'Zanosar'],
  },
  { category: 'chemotherapy', partners: ['doxorubicin'], spellings: ['doxorubicin', 'Adriamycin'] },
  { category: 'chemotherapy', partners: ['gemcitabine'], spellings: ['gemcitabine', 'Gemzar'] },
  { category: 'chemotherapy', partners: ['dacarbazine'], spellings: ['dacarbazine'] },
  // Targeted therapy
  { category: 'targeted-therapy', partners: ['olaparib'], spellings: ['olaparib', 'Lynparza', 'AZD2281'] },
  {
    category: 'targeted-therapy',
    partners: ['talazoparib'],
    spellings: ['talazoparib', 'Talzenna', 'BMN 673'],
  },
  { category: 'targeted-therapy', partners: ['niraparib'], spellings: ['niraparib', 'Zejula'] },
  { category: 'targeted-therapy', partners: ['rucaparib'], spellings: ['rucaparib', 'Rubraca'] },
  { category: 'targeted-therapy', partners: ['veliparib'], spellings: ['veliparib', 'ABT-888'] },
  { category: 'targeted-therapy', partners: ['parp-inhibitor'], spellings: ['PARP inhibitor', 'PARPi'] },
  {
    category: 'targeted-therapy',
    partners: ['cabozantinib'],
    spellings: ['cabozantinib', 'Cabometyx', 'Cometriq', 'XL184'],
  },
  { category: 'targeted-therapy', partners: ['sunitinib'], spellings: ['sunitinib', 'Sutent', 'SU11248'] },
  { category: 'targeted-therapy', partners: ['everolimus'], spellings: ['everolimus', 'Afinitor', 'RAD001'] },
  { category: 'targeted-therapy', partners: ['triapine'], spellings: ['triapine'] },
  {
    category: 'targeted-therapy',
    partners: ['peposertib'],
    spellings: ['peposertib', 'M3814', 'nedisertib', 'MSC2490484A'],
  },
  {
    category: 'targeted-therapy',
    partners: ['astx727'],
    spellings: ['ASTX727', 'ASTX27', 'cedazuridine', 'Inqovi'],
  },
  {
    category: 'targeted-therapy',
    partners: ['telotristat'],
    spellings: ['telotristat', 'Xermelo', 'LX1032'],
  },
  { category: 'targeted-therapy', partners: ['lenvatinib'], spellings: ['lenvatinib', 'Lenvima'] },
  { category: 'targeted-therapy', partners: ['surufatinib'], spellings: ['surufatinib'] },
  { category: 'targeted-therapy', partners: ['pazopanib'], spellings: ['pazopanib', 'Votrient'] },
  { category: 'targeted-therapy', partners: ['axitinib'], spellings: ['axitinib', 'Inlyta'] },
  { category: 'targeted-therapy', partners: ['bevacizumab'], spellings: ['bevacizumab', 'Avastin'] },
  { category: 'targeted-therapy', partners: ['ceralasertib'], spellings: ['ceralasertib', 'AZD6738'] },
  { category: 'targeted-therapy', partners: ['berzosertib'], spellings: ['berzosertib', 'M6620', 'VX-970'] },
  // Immunotherapy
  { category: 'immunotherapy', partners: ['nivolumab'], spellings: ['nivolumab', 'Opdivo', 'BMS-936558'] },
  {
    category: 'immunotherapy',
    partners: ['pembrolizumab'],
    spellings: ['pembrolizumab', 'Keytruda', 'MK-3475'],
  },
  { category: 'immunotherapy', partners: ['ipilimumab'], spellings: ['ipilimumab', 'Yervoy'] },
  { category: 'immunotherapy', partners: ['atezolizumab'], spellings: ['atezolizumab', 'Tecentriq'] },
  { category: 'immunotherapy', partners: ['durvalumab'], spellings: ['durvalumab', 'Imfinzi'] },
  { category: 'immunotherapy', partners: ['avelumab'], spellings: ['avelumab', 'Bavencio'] },
  { category: 'immunotherapy', partners: ['tremelimumab'], spellings: ['tremelimumab'] },
  { category: 'immunotherapy', partners: ['cemiplimab'], spellings: ['cemiplimab'] },
  { category: 'immunotherapy', partners: ['spartalizumab'], spellings: ['spartalizumab'] },
  { category: 'immunotherapy', partners: ['tislelizumab'], spellings: ['tislelizumab'] },
  { category: 'immunotherapy', partners: ['toripalimab'], spellings: ['toripalimab'] },
  // Surgery (after PRRT in the same arm: neoadjuvant PRRT)
  {
    category: 'neoadjuvant-surgery',
    partners: ['surgery'],
    spellings: [
      'surgery',
      'surgical',
      'resection',
      'pancreatectomy',
      'pancreaticoduodenectomy',
      'duodenopancreatectomy',
      'Whipple',
      'hepatectomy',
      'enucleation',
      'debulking',
      'cytoreduction',
      'cytoreductive',
      'metastasectomy',
      'lobectomy',
    ],
  },
];
