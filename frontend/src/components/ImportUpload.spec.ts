import { describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { i18n } from '@/i18n'
import { useFileImport, type FileImport } from '@/composables/fileImport'
import ImportUpload from './ImportUpload.vue'

type Report = { rejected: number; total: number }

function page(send: () => Promise<Report>) {
  let importer!: FileImport
  const wrapper = mount(
    defineComponent({
      setup() {
        importer = useFileImport<Report>({
          maxBytes: 100,
          wrongType: () => 'wrong type',
          tooLarge: () => 'too large',
          done: () => 'done',
          send,
        })
        return () => h(ImportUpload, { importer, accept: '.csv', tip: '学籍号、姓名', startTestid: 'go' })
      },
    }),
    { global: { plugins: [ElementPlus, i18n] } },
  )
  return { wrapper, importer: () => importer }
}

describe('ImportUpload', () => {
  it('offers the start only once a file is chosen, and gives the upload element to the import', async () => {
    const { wrapper, importer } = page(async () => ({ rejected: 0, total: 1 }))
    await nextTick()
    expect(wrapper.text()).toContain('学籍号、姓名')
    const go = wrapper.get('[data-testid="go"]')
    expect(go.attributes('disabled')).toBeDefined()
    expect(importer().upload.value).toBeDefined()
    importer().file.value = new File(['a'], 'a.csv')
    await nextTick()
    expect(go.attributes('disabled')).toBeUndefined()
  })

  it('labels the progress while uploading and says why an import failed', async () => {
    const { wrapper, importer } = page(async () => ({ rejected: 0, total: 1 }))
    importer().progress.value = 40
    importer().uploading.value = true
    await nextTick()
    const bar = wrapper.get('[aria-labelledby]')
    const label = wrapper.get(`#${bar.attributes('aria-labelledby')}`)
    expect(label.text()).toBe(i18n.global.t('import.uploading'))
    importer().uploading.value = false
    importer().failure.value = '文件已损坏'
    await nextTick()
    expect(wrapper.get('[role="alert"]').text()).toContain('文件已损坏')
  })
})
